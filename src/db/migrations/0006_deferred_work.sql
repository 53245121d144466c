-- Complaints whose sweep work list (scheduled_actions) is still to be written. Registration writes
-- the clocks and one row here instead of a dozen work rows; the sweep plans these complaints in
-- batches (their complaint rows locked, FOR UPDATE SKIP LOCKED) before it claims due work, and
-- any later change to the complaint's clocks plans it at once. A complaint listed here has no
-- work rows yet.
create table unplanned_complaints (
  complaint_id  bigint primary key references complaints (id)
);
