-- The case workspace: who is looking at or editing a complaint now (heartbeats, one row per
-- user per complaint, overwritten on each beat), and tasks that coordinate with a department.
create table complaint_presence (
  complaint_id  bigint not null references complaints (id),
  user_id       text not null references users (id),
  mode          text not null check (mode in ('viewing', 'editing')),
  seen_at       timestamptz not null,
  primary key (complaint_id, user_id)
);
create index complaint_presence_seen on complaint_presence (complaint_id, seen_at);

-- A coordination task is for a department (its members see it and may complete it).
alter table tasks add column department_id text references departments (id);
alter table tasks add column created_by text;
create index tasks_department_open on tasks (department_id, due_at) where done_at is null;
