-- Corrections to a policy's business calendar made by an administrator without a new policy
-- version: a late-announced holiday or a closure added as a non-working day, or a listed holiday
-- worked after all. The latest correction of a (policy, day) stands; every version of the policy
-- counts by it. Open complaints' clocks not yet due are re-timed when one is made.
create table calendar_corrections (
  id          bigserial primary key,
  policy_id   text not null,
  day         text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  change      text not null check (change in ('add', 'remove')),
  name        text,
  reason      text not null,
  created_by  text,
  created_at  timestamptz not null default now()
);
create index calendar_corrections_policy on calendar_corrections (policy_id, day, id);
