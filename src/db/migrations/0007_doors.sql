-- Doors (issue 8): sign-in throttling, expiring bearer tokens, an anchored and keyed audit chain,
-- a bounded search index, and inbound mail held for review.

-- Sign-in attempts per account (lower-cased email) and per client address, in fixed windows.
-- An attempt is counted before its password is checked, so parallel guesses cannot slip past.
create table login_throttle (
  key           text primary key,            -- 'account:<email>' | 'address:<ip>'
  window_start  timestamptz not null,
  attempts      integer not null
);

-- Bearer tokens end: at expires_at, when revoked one by one, or when their user is deactivated
-- (revoked then, for good). Tokens created before this migration expire 90 days after creation.
alter table api_tokens add column expires_at timestamptz;
update api_tokens set expires_at = created_at + interval '90 days' where expires_at is null;
alter table api_tokens alter column expires_at set not null;
create index api_tokens_user on api_tokens (user_id);

-- The audit chain, version 2: a keyed hash (HMAC with the server's secret) over the complaint's
-- id and the event. Rows written before this migration stay version 1 (plain SHA-256).
alter table events add column hash_version smallint not null default 1;
-- When the row was written, by the database's clock (version 2; in the hash): never earlier than
-- the stream's event before it, so an event slipped in later cannot pass as an old one.
alter table events add column recorded_at timestamptz;
-- Each stream's head (its last event) held outside the event rows, with a MAC under the same
-- key: removing the newest events, or a whole stream, no longer leaves a chain that verifies.
create table audit_heads (
  stream        text primary key,
  complaint_id  bigint references complaints (id),
  seq           integer not null,
  hash          text not null,
  at            timestamptz not null,
  mac           text not null
);

-- The search index reads at most the first 100,000 characters (to_tsvector refuses more than
-- 1 MB of lexemes), and the text of messages it reads from is kept to that length too.
alter table complaints drop column search;
alter table complaints add column search tsvector generated always as (
  to_tsvector('simple', left(subject || ' ' || description || ' ' || messages_text, 100000))
) stored;
create index complaints_search on complaints using gin (search);

-- A mail whose sender could not be shown to be the complaint's customer starts a complaint of
-- its own, held here with the reason, for a person to confirm or merge.
alter table inbound_mails add column review_reason text;
create index inbound_mails_review on inbound_mails (received_at, id) where review_reason is not null;
