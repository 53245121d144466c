-- Inbound mail: the mailboxes Redress reads (IMAP) or listens as (SMTP), and the ledger of every
-- mail taken from them. The ledger is what makes each mail taken exactly once: a mail is known by
-- its place in a mailbox (UIDVALIDITY and UID) and by its Message-ID, and it is written before
-- the mail is handled, so a retry after a crash finishes the same row instead of starting over.

create table mailboxes (
  id           text primary key,
  name         text not null unique,
  kind         text not null check (kind in ('imap', 'smtp')),
  host         text,                                  -- imap: the server
  port         integer check (port between 1 and 65535),
  secure       boolean not null default true,         -- imap: TLS from the start (else STARTTLS if offered)
  username     text,
  password     text,                                  -- stored as given: keep the database private
  folder       text not null default 'INBOX',
  listen_host  text not null default '127.0.0.1',     -- smtp: where the listener binds
  listen_port  integer check (listen_port between 1 and 65535),
  poll_seconds integer not null default 60 check (poll_seconds > 0),
  policy_id    text not null,                         -- the policy new complaints from it get
  address      text not null,                         -- the address customers write to
  active       boolean not null default true,
  created_at   timestamptz not null default now(),
  check (kind <> 'imap' or (host is not null and port is not null and username is not null)),
  check (kind <> 'smtp' or listen_port is not null)
);

create table inbound_mails (
  id             bigint generated always as identity primary key,
  mailbox_id     text not null references mailboxes (id),
  uid_validity   bigint,                              -- imap only
  uid            bigint,                              -- imap only
  message_id     text,                                -- with its angle brackets, as in the header
  raw_sha256     text not null,                       -- the mail exactly as received, in the file store
  size           bigint not null,
  status         text not null default 'received' check (status in (
                   'received', 'complaint_created', 'reply_threaded', 'ignored_auto',
                   'flagged_malformed', 'duplicate')),
  complaint_id   bigint references complaints (id),
  from_address   text,
  subject        text,
  error          text,                                -- why it was flagged or ignored
  attempts       integer not null default 1,
  claimed_until  timestamptz,                         -- a worker is handling it until then
  received_at    timestamptz not null default now(),
  handled_at     timestamptz,
  unique (mailbox_id, uid_validity, uid)
);
create unique index inbound_mails_message_id on inbound_mails (message_id) where message_id is not null;
create index inbound_mails_raw on inbound_mails (mailbox_id, raw_sha256);
create index inbound_mails_pending on inbound_mails (mailbox_id, id) where status = 'received';
create index inbound_mails_flagged on inbound_mails (received_at, id) where status = 'flagged_malformed';
create index inbound_mails_complaint on inbound_mails (complaint_id) where complaint_id is not null;
