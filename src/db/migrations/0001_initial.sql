-- Redress schema: runs unchanged on PostgreSQL 15+ and PGlite (PostgreSQL 18).

create table departments (
  id          text primary key,
  name        text not null,
  email       text,
  created_at  timestamptz not null default now()
);

create table users (
  id             text primary key,
  email          text not null unique,
  name           text not null,
  role           text not null check (role in ('handler', 'department_member', 'manager', 'administrator', 'auditor')),
  department_id  text references departments (id),
  password_hash  text,
  active         boolean not null default true,
  created_at     timestamptz not null default now()
);

create table sessions (
  id          text primary key,          -- sha256 of the cookie's secret
  user_id     text not null references users (id) on delete cascade,
  csrf_token  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id            text primary key,
  user_id       text not null references users (id) on delete cascade,
  token_hash    text not null unique,    -- sha256 of the bearer token
  name          text not null default '',
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- Every version of every policy; complaints point at the version in force at receipt.
create table policy_versions (
  policy_id       text not null,
  version         integer not null,
  effective_from  date not null,
  document        jsonb not null,
  origin          text not null default 'preset',   -- preset | administrator
  created_by      text references users (id),
  created_at      timestamptz not null default now(),
  primary key (policy_id, version)
);

create table customers (
  id                 text primary key,
  name               text not null,
  email              text,
  phone              text,
  address            jsonb not null default '[]',
  preferred_contact  text not null default 'email' check (preferred_contact in ('email', 'post', 'phone', 'portal')),
  language           text not null default 'en',
  needs              text,                            -- needs and adjustments
  vulnerable         boolean not null default false,
  created_at         timestamptz not null default now(),
  anonymised_at      timestamptz
);
create index customers_email on customers (lower(email));

create sequence complaint_number;

create table complaints (
  id                    bigint generated always as identity primary key,
  reference             text not null unique,
  policy_id             text not null,
  policy_version        integer not null,
  status                text not null,
  previous_status       text,
  is_open               boolean not null default true,
  escalation_level      integer not null default 0,
  flags                 text[] not null default '{}',
  channel               text not null,
  received_at           timestamptz not null,
  customer_id           text not null references customers (id),
  language              text not null default 'en',
  subject               text not null,
  description           text not null,
  product               text,
  category              text,
  remedy_sought         text,
  immediate_action      text,
  people_involved       jsonb not null default '[]',
  departments_involved  text[] not null default '{}',
  subject_user_ids      text[] not null default '{}',
  assignee_id           text references users (id),
  department_id         text references departments (id),
  response_approved     boolean not null default false,
  outcome               text,
  root_cause            text,
  summary               text,
  lessons_learned       text,
  redress               jsonb,
  adr                   jsonb,
  satisfaction          integer check (satisfaction between 1 and 5),
  satisfaction_comment  text,
  tracking_token_hash   text not null unique,
  next_due_at           timestamptz,      -- earliest due among running clocks: the queue's order
  messages_text         text not null default '',
  search                tsvector generated always as (
                          to_tsvector('simple', subject || ' ' || description || ' ' || messages_text)
                        ) stored,
  created_by            text references users (id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  closed_at             timestamptz,
  row_version           integer not null default 1
);
create index complaints_queue on complaints (next_due_at, id) where is_open;
create index complaints_department_queue on complaints (department_id, next_due_at, id) where is_open;
create index complaints_assignee on complaints (assignee_id) where is_open;
create index complaints_received on complaints (received_at, id);
create index complaints_customer on complaints (customer_id);
create index complaints_search on complaints using gin (search);

-- One row per clock of a complaint: the due instant is data, swept by the scheduler.
create table clock_instances (
  id            bigint generated always as identity primary key,
  complaint_id  bigint not null references complaints (id),
  name          text not null,
  started_at    timestamptz not null,
  due_at        timestamptz,              -- null while paused
  warn_at       timestamptz[] not null default '{}',
  pauses        jsonb not null default '[]',
  stopped_at    timestamptz,
  status        text not null check (status in ('running', 'paused', 'met', 'breached')),
  breached_at   timestamptz,
  unique (complaint_id, name)
);
create index clock_instances_due on clock_instances (due_at) where stopped_at is null;

-- Append-only, hash-chained per stream (a complaint's reference, or 'system').
create table events (
  id            bigint generated always as identity primary key,
  stream        text not null,
  stream_seq    integer not null,
  complaint_id  bigint references complaints (id),
  type          text not null,
  actor_id      text not null,
  actor_role    text not null,
  at            timestamptz not null,
  reason        text,
  public        boolean not null default false,
  data          jsonb not null default '{}',
  data_digest   text not null,            -- sha256 of data: the chain covers this, so data can be erased
  redacted_at   timestamptz,
  prev_hash     text not null,
  hash          text not null,
  unique (stream, stream_seq)
);
create index events_complaint on events (complaint_id, id);

-- Rows are never deleted or changed, except that personal data may be erased (redacted).
create function events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.redacted_at is not null and old.redacted_at is null
     and new.data = '{"redacted": true}'::jsonb
     and new.id = old.id and new.hash = old.hash and new.prev_hash = old.prev_hash
     and new.data_digest = old.data_digest and new.type = old.type and new.at = old.at
     and new.stream = old.stream and new.stream_seq = old.stream_seq and new.actor_id = old.actor_id
     and new.actor_role = old.actor_role and new.reason is not distinct from old.reason
     and new.public = old.public and new.complaint_id is not distinct from old.complaint_id then
    return new;
  end if;
  raise exception 'events are append-only';
end;
$$;
create trigger events_append_only before update or delete on events
  for each row execute function events_append_only();

create table messages (
  id            bigint generated always as identity primary key,
  complaint_id  bigint not null references complaints (id),
  direction     text not null check (direction in ('in', 'out', 'internal')),
  channel       text not null,              -- email | letter | portal | phone | note
  public        boolean not null default true,
  author_id     text,
  author_name   text,
  subject       text,
  body_text     text not null,
  body_html     text,
  message_id    text,
  in_reply_to   text,
  status        text not null default 'stored',
  created_at    timestamptz not null default now(),
  sent_at       timestamptz
);
create index messages_complaint on messages (complaint_id, id);
create unique index messages_message_id on messages (message_id) where message_id is not null;

create table attachments (
  id            bigint generated always as identity primary key,
  complaint_id  bigint not null references complaints (id),
  message_id    bigint references messages (id),
  filename      text not null,
  content_type  text not null,
  size          bigint not null,
  sha256        text not null,
  public        boolean not null default true,
  uploaded_by   text,
  created_at    timestamptz not null default now()
);
create index attachments_complaint on attachments (complaint_id);

create table idempotency_keys (
  actor_id         text not null,
  key              text not null,
  request_hash     text not null,
  response_status  integer not null,
  response_body    jsonb not null,
  created_at       timestamptz not null default now(),
  primary key (actor_id, key)
);
