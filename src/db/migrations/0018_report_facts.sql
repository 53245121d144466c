-- Reports and returns (issue 10) read a narrow row per complaint instead of the complaint itself.
-- Measured at 1,000,000 complaints (npm run bench:reports): a report for a year read ~330,000
-- complaint rows of ~1 kB each (text, search vector, JSON) at random from the heap, and parsed
-- their JSON, and the timeline reports aggregated ~120,000 events each time; 0.5–2 s a report,
-- several times that with the machine busy. The facts row holds only what the report SQL groups,
-- filters and counts (~150 bytes), with the rare timeline events already counted.
--
-- It is maintained by triggers in the transaction that changes the complaint or appends its
-- events, so it can never disagree with them: a complaint row's insert, or an update of a column
-- it copies, rewrites the complaint's part of the row (complaint_facts_sync); each insert into
-- events adds its statement's rare events to the marks (complaint_facts_mark). Anonymisation
-- changes no column the trigger watches, so reports and filed returns do not change after it
-- (the satisfaction comment it removes is copied when the rating is written, with the score).

create table complaint_facts (
  complaint_id            bigint primary key references complaints (id) on delete cascade,
  reference               text not null,
  policy_id               text not null,
  channel                 text not null,
  category                text,
  department_id           text,
  status                  text not null,
  is_open                 boolean not null,
  escalation_level        integer not null,
  received_at             timestamptz not null,
  closed_at               timestamptz,
  outcome                 text,
  root_cause              text,
  satisfaction            integer,
  satisfaction_commented  boolean not null,
  -- Taxonomy codes: the product code (null when unclassified), and the product reports group by
  -- (the code, else the complaint's free product).
  product_code            text,
  product                 text,
  cause                   text,
  -- Vulnerability: the flag or the classification's `identified`; the classification's other
  -- two fields as text (cast where read, as before).
  vulnerable              boolean not null,
  vulnerability_caused    text,
  vulnerability_driver    text,
  -- ADR and redress, their JSON fields as text.
  has_adr                 boolean not null,
  adr_decision            text,
  adr_complied_at         text,
  has_redress             boolean not null,
  redress_kind            text,
  redress_currency        text,
  redress_amount          text,
  redress_accepted_at     text,
  redress_completed_at    text,
  -- What the complaint's timeline holds (events of these types, counted as they are appended).
  first_contact           boolean not null default false,
  escalations             integer not null default 0,
  deadlocked              boolean not null default false,
  deadlock_letter         boolean not null default false,
  deadlock_letter_requested boolean not null default false,
  deadlock_refused        boolean not null default false,
  referred                boolean not null default false,
  reopened                boolean not null default false
);
-- Reports select the complaints received, or closed, in a period: these carry what the reports
-- group and count by, so most read the index alone (in received_at order: the rows of a period
-- side by side), and the facts rows only for a drill-down's references or a rarer column.
create index complaint_facts_received on complaint_facts (received_at)
  include (policy_id, channel, category, department_id, product, cause, status, is_open, closed_at,
    outcome, satisfaction, vulnerable, has_adr, adr_decision, adr_complied_at, first_contact,
    escalations, deadlocked, deadlock_letter, deadlock_letter_requested, deadlock_refused,
    referred);
-- The same rows, narrower, for the reports that count states alone (volumes, ages): half the
-- pages to read for a year.
create index complaint_facts_received_states on complaint_facts (received_at)
  include (policy_id, channel, category, department_id, product, cause, status, is_open, closed_at);
create index complaint_facts_closed on complaint_facts (closed_at)
  include (policy_id, channel, category, department_id, product, cause, received_at, outcome,
    root_cause, satisfaction, satisfaction_commented, escalation_level)
  where closed_at is not null;
-- The redress and vulnerable reports read the few complaints with redress, or vulnerable.
create index complaint_facts_redress on complaint_facts (received_at)
  include (policy_id, channel, category, department_id, product, cause, redress_kind,
    redress_currency, redress_amount, redress_accepted_at, redress_completed_at)
  where has_redress;
create index complaint_facts_vulnerable on complaint_facts (received_at)
  include (policy_id, channel, category, department_id, product, cause, is_open, outcome,
    vulnerability_caused, vulnerability_driver)
  where vulnerable;
-- The FCA return reads one policy's complaints unclosed at its period's start, or whose redress
-- was paid since.
create index complaint_facts_unclosed_since on complaint_facts
  (policy_id, coalesce(closed_at, 'infinity'::timestamptz));
create index complaint_facts_redress_completed on complaint_facts (policy_id, redress_completed_at)
  where has_redress and redress_completed_at is not null;

-- The complaint's part of its facts row (timeline marks left at their defaults), in the columns'
-- order: one definition for the trigger and the backfill below. (A view, not an SQL function:
-- the trigger's statement over it is planned once per session; an SQL function's body would be
-- planned again on every row written.)
create view complaint_facts_source as
  select c.id as complaint_id, c.reference, c.policy_id, c.channel, c.category, c.department_id,
    c.status, c.is_open, c.escalation_level, c.received_at, c.closed_at, c.outcome, c.root_cause,
    c.satisfaction, c.satisfaction_comment is not null as satisfaction_commented,
    c.classification->>'productCode' as product_code,
    coalesce(c.classification->>'productCode', c.product) as product,
    c.classification->>'causeCode' as cause,
    ('vulnerable_customer' = any(c.flags)
      or coalesce((c.classification->'vulnerability'->>'identified')::boolean, false)) as vulnerable,
    c.classification->'vulnerability'->>'causedByFirm' as vulnerability_caused,
    c.classification->'vulnerability'->>'driver' as vulnerability_driver,
    c.adr is not null as has_adr, c.adr->>'decision' as adr_decision,
    c.adr->>'compliedAt' as adr_complied_at, c.redress is not null as has_redress,
    c.redress->>'kind' as redress_kind, c.redress->>'currency' as redress_currency,
    c.redress->>'amount' as redress_amount, c.redress->>'acceptedAt' as redress_accepted_at,
    c.redress->>'completedAt' as redress_completed_at,
    false as first_contact, 0 as escalations, false as deadlocked, false as deadlock_letter,
    false as deadlock_letter_requested, false as deadlock_refused, false as referred,
    false as reopened
  from complaints c;

create function complaint_facts_sync() returns trigger language plpgsql as $$
begin
  insert into complaint_facts select * from complaint_facts_source s where s.complaint_id = new.id
  on conflict (complaint_id) do update set
    (reference, policy_id, channel, category, department_id, status, is_open, escalation_level,
     received_at, closed_at, outcome, root_cause, satisfaction, satisfaction_commented,
     product_code, product, cause, vulnerable, vulnerability_caused, vulnerability_driver,
     has_adr, adr_decision, adr_complied_at, has_redress, redress_kind, redress_currency,
     redress_amount, redress_accepted_at, redress_completed_at)
    = (excluded.reference, excluded.policy_id, excluded.channel, excluded.category,
       excluded.department_id, excluded.status, excluded.is_open, excluded.escalation_level,
       excluded.received_at, excluded.closed_at, excluded.outcome, excluded.root_cause,
       excluded.satisfaction,
       -- A comment once written stays counted (only anonymisation removes one).
       complaint_facts.satisfaction_commented or excluded.satisfaction_commented,
       excluded.product_code,
       excluded.product, excluded.cause, excluded.vulnerable, excluded.vulnerability_caused,
       excluded.vulnerability_driver, excluded.has_adr, excluded.adr_decision,
       excluded.adr_complied_at, excluded.has_redress, excluded.redress_kind,
       excluded.redress_currency, excluded.redress_amount, excluded.redress_accepted_at,
       excluded.redress_completed_at);
  return null;
end;
$$;
create trigger complaint_facts_sync after insert or update of reference, policy_id, channel,
    category, department_id, status, is_open, escalation_level, received_at, closed_at, outcome,
    root_cause, satisfaction, classification, product, flags, adr, redress
  on complaints for each row execute function complaint_facts_sync();

-- The rare event types the reports read from timelines, per complaint of an insert statement.
create function complaint_facts_mark() returns trigger language plpgsql as $$
begin
  update complaint_facts f set
    first_contact = f.first_contact or n.first_contact,
    escalations = f.escalations + n.escalations,
    deadlocked = f.deadlocked or n.deadlocked,
    deadlock_letter = f.deadlock_letter or n.deadlock_letter,
    deadlock_letter_requested = f.deadlock_letter_requested or n.deadlock_letter_requested,
    deadlock_refused = f.deadlock_refused or n.deadlock_refused,
    referred = f.referred or n.referred,
    reopened = f.reopened or n.reopened
  from (
    select e.complaint_id,
      bool_or(e.type = 'resolved_on_first_contact') as first_contact,
      (count(*) filter (where e.type = 'escalated'))::int as escalations,
      bool_or(e.type = 'deadlocked') as deadlocked,
      bool_or(e.type = 'deadlock_letter_sent') as deadlock_letter,
      bool_or(e.type = 'deadlock_letter_requested') as deadlock_letter_requested,
      bool_or(e.type = 'deadlock_letter_refused') as deadlock_refused,
      bool_or(e.type = 'referred_to_adr') as referred,
      bool_or(e.type = 'reopened') as reopened
    from appended e
    where e.complaint_id is not null and e.type in ('resolved_on_first_contact', 'escalated',
      'deadlocked', 'deadlock_letter_sent', 'deadlock_letter_requested', 'deadlock_letter_refused',
      'referred_to_adr', 'reopened')
    group by e.complaint_id
  ) n
  where f.complaint_id = n.complaint_id;
  return null;
end;
$$;
create trigger complaint_facts_mark after insert on events referencing new table as appended
  for each statement execute function complaint_facts_mark();

-- Every facts row worked out again from the complaints and their events: the backfill below, and
-- a bulk load that writes with the triggers disabled (bench/load-complaints.ts).
create function complaint_facts_rebuild() returns void language plpgsql as $$
begin
  delete from complaint_facts;
  insert into complaint_facts select * from complaint_facts_source;
  update complaint_facts f set
    first_contact = n.first_contact, escalations = n.escalations, deadlocked = n.deadlocked,
    deadlock_letter = n.deadlock_letter, deadlock_letter_requested = n.deadlock_letter_requested,
    deadlock_refused = n.deadlock_refused, referred = n.referred, reopened = n.reopened
  from (
    select e.complaint_id,
      bool_or(e.type = 'resolved_on_first_contact') as first_contact,
      (count(*) filter (where e.type = 'escalated'))::int as escalations,
      bool_or(e.type = 'deadlocked') as deadlocked,
      bool_or(e.type = 'deadlock_letter_sent') as deadlock_letter,
      bool_or(e.type = 'deadlock_letter_requested') as deadlock_letter_requested,
      bool_or(e.type = 'deadlock_letter_refused') as deadlock_refused,
      bool_or(e.type = 'referred_to_adr') as referred,
      bool_or(e.type = 'reopened') as reopened
    from events e
    where e.complaint_id is not null and e.type in ('resolved_on_first_contact', 'escalated',
      'deadlocked', 'deadlock_letter_sent', 'deadlock_letter_requested', 'deadlock_letter_refused',
      'referred_to_adr', 'reopened')
    group by e.complaint_id
  ) n
  where f.complaint_id = n.complaint_id;
end;
$$;
select complaint_facts_rebuild();

-- Clock compliance reads the clocks started in a period: from the index alone.
drop index if exists clock_instances_started;
create index clock_instances_started on clock_instances (started_at)
  include (complaint_id, name, status, due_at, stopped_at);

-- The indexes that served the report reads on the complaints and events themselves: every
-- complaint write and every event paid for them, and no read uses them any more.
drop index if exists complaints_report_received;
drop index if exists complaints_report_closed;
-- (The lessons register reads the complaints closed in a period, latest first, from this one.)
create index complaints_closed on complaints (closed_at) where closed_at is not null;
drop index if exists complaints_unclosed;
drop index if exists complaints_redress_completed;
drop index if exists events_type_at;
