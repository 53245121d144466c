-- The lessons-learned register's corrective actions (issue 10): what is done about a closed
-- complaint's lesson, by whom (a user) and by when, when it was done, and whether it worked.
-- Every change is also an event on the complaint's stream (the audit trail).
create table corrective_actions (
  id                   bigint generated always as identity primary key,
  complaint_id         bigint not null references complaints (id),
  description          text not null,
  owner_id             text not null references users (id),
  due_on               date not null,
  done_on              date,
  effectiveness        text not null default 'unknown'
                         check (effectiveness in ('effective', 'not_effective', 'unknown')),
  effectiveness_note   text,
  created_by           text not null,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  -- When the owner was told the action is overdue (once; cleared when the due date moves).
  overdue_notified_at  timestamptz
);
create index corrective_actions_complaint on corrective_actions (complaint_id, id);
create index corrective_actions_open_due on corrective_actions (due_on, id)
  where done_on is null and overdue_notified_at is null;

-- The managers' inboxes list complaints by the open tasks a customer's request created
-- (escalation, deadlock letter): one probe per complaint.
create index tasks_complaint_open on tasks (complaint_id, kind) where done_at is null;

-- The inboxes' counts, each read from an index of its own rather than a pass over every open
-- complaint: responses awaiting approval, and open complaints carrying a flag.
create index complaints_awaiting_approval on complaints (id)
  where is_open and status = 'response_proposed' and not response_approved;
create index complaints_flagged_open on complaints (id) where is_open and cardinality(flags) > 0;

-- The lessons register's filter choices: the distinct root causes and products of closed
-- complaints, read by skipping through these indexes (one probe per value), not by a pass over
-- every closed complaint.
create index complaints_closed_root_cause
  on complaints ((coalesce(root_cause, classification->>'causeCode')))
  where closed_at is not null;
create index complaints_closed_product
  on complaints ((coalesce(product, classification->>'productCode')))
  where closed_at is not null;
