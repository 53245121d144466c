-- The deadline sweep's work list, the outbox (messages waiting to be sent), letters waiting to
-- be posted, and tasks and notifications for staff.

-- What falls due when: a clock's warnings, its breach, repeats of its breach actions (progress
-- reports) and automatic communications. Kept in step with clock_instances; the sweep claims
-- due rows with FOR UPDATE SKIP LOCKED and marks them handled in the transaction of its effects.
create table scheduled_actions (
  id            bigint generated always as identity primary key,
  complaint_id  bigint not null references complaints (id),
  clock_name    text not null,               -- or the communication's name, for kind 'auto'
  kind          text not null check (kind in ('warn', 'breach', 'repeat', 'auto')),
  seq           integer not null default 0,
  due_at        timestamptz not null,
  handled_at    timestamptz,
  handled_by    text,
  outcome       jsonb,
  unique (complaint_id, clock_name, kind, seq)
);
create index scheduled_actions_due on scheduled_actions (due_at, id) where handled_at is null;

alter table messages add column kind text;
alter table messages add column to_address text;
alter table messages add column attempts integer not null default 0;
alter table messages add column next_attempt_at timestamptz;
alter table messages add column last_error text;
alter table messages add column posted_at timestamptz;
alter table messages add column letter_sha256 text;
create index messages_outbox on messages (next_attempt_at, id) where status = 'queued';
create index messages_letters on messages (created_at, id) where channel = 'letter';
create index messages_problems on messages (id) where status in ('failed', 'unknown');

create table tasks (
  id            bigint generated always as identity primary key,
  complaint_id  bigint not null references complaints (id),
  kind          text not null,                -- call_customer | follow_up | …
  title         text not null,
  due_at        timestamptz,
  created_at    timestamptz not null default now(),
  done_at       timestamptz,
  done_by       text,
  note          text
);
create index tasks_open on tasks (due_at, id) where done_at is null;

create table notifications (
  id            bigint generated always as identity primary key,
  complaint_id  bigint references complaints (id),
  role          text,                         -- everyone with this role …
  user_id       text references users (id),   -- … or this one user
  kind          text not null,
  message       text not null,
  created_at    timestamptz not null default now(),
  read_at       timestamptz
);
create index notifications_unread on notifications (created_at, id) where read_at is null;
