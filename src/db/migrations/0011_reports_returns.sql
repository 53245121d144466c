-- Reports and regulator returns (issue 10).

-- What a complaint is classified as, for the returns: taxonomy product and cause codes, the
-- legal entity, vulnerability (identified; caused by the firm; driver). Set by `classify`.
alter table complaints add column classification jsonb;

-- Report reads select complaints received, or closed, in a period: these indexes carry the
-- columns most reports group and count by, so those reports read the index alone.
create index complaints_report_received on complaints (received_at)
  include (policy_id, channel, category, department_id, status, is_open, closed_at, outcome);
create index complaints_report_closed on complaints (closed_at)
  include (policy_id, channel, category, department_id, received_at, outcome, root_cause, satisfaction)
  where closed_at is not null;
-- Report reads take the events of a few types since the period began.
create index events_type_at on events (type, at) include (complaint_id) where complaint_id is not null;
-- Clock compliance reads the clocks started in a period.
create index clock_instances_started on clock_instances (started_at);
-- The FCA return reads complaints still unclosed, or whose redress was paid, in its period.
create index complaints_unclosed on complaints (received_at) where closed_at is null;
create index complaints_redress_completed on complaints ((redress->>'completedAt')) where redress is not null;

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
