-- Data protection (issue 11): legal holds, the retention sweep's due instants, data-subject
-- requests on their own clocks, erasure marks on messages and attachments, and the satisfaction
-- survey (sent at most once; its ISO 10004-style answers beside the 1–5 score).

-- When a closed complaint's retention period ends (computed by the sweep from its policy
-- version, outcome and closing or receipt; null until planned or while open).
alter table complaints add column retention_due_at timestamptz;
alter table complaints add column anonymised_at timestamptz;
create index complaints_retention_due on complaints (retention_due_at, id)
  where anonymised_at is null and status = 'closed';
create index complaints_retention_unplanned on complaints (id)
  where anonymised_at is null and status = 'closed' and retention_due_at is null;

-- A hold keeps a complaint, or every complaint of a customer, from being anonymised or erased.
create table legal_holds (
  id              text primary key,
  complaint_id    bigint references complaints (id),
  customer_id     text references customers (id),
  reason          text not null,
  placed_by       text not null,
  placed_at       timestamptz not null,
  released_at     timestamptz,
  released_by     text,
  release_reason  text,
  check ((complaint_id is null) <> (customer_id is null))
);
create index legal_holds_complaint on legal_holds (complaint_id) where released_at is null;
create index legal_holds_customer on legal_holds (customer_id) where released_at is null;

alter table messages add column anonymised_at timestamptz;
alter table attachments add column removed_at timestamptz;
-- A customer who asked for restriction instead of erasure (their data kept, its use limited).
alter table customers add column restricted_at timestamptz;

-- Data-subject requests: their own kind of case, on the clocks of the policy's regime.
create table data_requests (
  id              text primary key,
  customer_id     text not null references customers (id),
  policy_id       text not null,
  regime          text not null check (regime in ('uk', 'vn')),
  kind            text not null check (kind in ('access', 'erasure', 'restriction')),
  status          text not null check (status in ('received', 'identity_check', 'in_progress', 'answered')),
  received_at     timestamptz not null,
  acknowledge_due_at timestamptz,
  due_at          timestamptz,
  pauses          jsonb not null default '[]',
  extension       jsonb,
  with_processors boolean not null default false,
  outcome         text,
  answer          text,
  answered_at     timestamptz,
  acknowledged_at timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index data_requests_open on data_requests (due_at, id) where status <> 'answered';
create index data_requests_customer on data_requests (customer_id);

-- The satisfaction survey: the invitation's instant (at most once) and the extra answers.
alter table complaints add column survey_sent_at timestamptz;
alter table complaints add column satisfaction_answers jsonb;
