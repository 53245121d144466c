-- Reports (issue 10), measured at 1,000,000 complaints (bench:reports): indexes the report reads
-- need, replacing the two that 0011_reports_returns guessed. A second file with the same
-- reserved number, because 0011_reports_returns had already been merged and is never edited.

drop index if exists complaints_closed;
drop index if exists events_type_complaint;

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
