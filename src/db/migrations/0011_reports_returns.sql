-- Reports and regulator returns (issue 10).

-- What a complaint is classified as, for the returns: taxonomy product and cause codes, the
-- legal entity, vulnerability (identified; caused by the firm; driver). Set by `classify`.
alter table complaints add column classification jsonb;

-- Report reads select complaints closed in a period.
create index complaints_closed on complaints (closed_at) where closed_at is not null;
-- Report reads join each complaint's events of a few types.
create index events_type_complaint on events (type, complaint_id) where complaint_id is not null;

-- A filed return: the figures as they were filed, never changed. Filing again for the same
-- kind, policy and period makes the next version.
create table filed_returns (
  id            bigint generated always as identity primary key,
  kind          text not null,
  policy_id     text not null,
  period_start  date not null,
  period_end    date not null,
  version       integer not null,
  figures       jsonb not null,
  digest        text not null,            -- sha256 of the figures' canonical JSON
  filed_by      text not null references users (id),
  filed_at      timestamptz not null,
  unique (kind, policy_id, period_start, period_end, version)
);

create function filed_returns_unchangeable() returns trigger language plpgsql as $$
begin
  raise exception 'filed returns cannot be changed';
end;
$$;
create trigger filed_returns_unchangeable before update or delete on filed_returns
  for each row execute function filed_returns_unchangeable();
