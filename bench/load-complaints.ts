// Loads N complaints into PostgreSQL with set-based SQL (INSERT … SELECT over generate_series),
// with what the report reads use: classification codes, outcomes, redress, ADR, satisfaction,
// two clocks per complaint, and a timeline of events (received, acknowledged, the rarer
// first-contact / escalation / deadlock / ADR events, responded, closed). Deterministic
// (setseed). Secondary indexes are dropped for the load and rebuilt after it, and the reports'
// facts rows (migration 0018) are worked out once at the end rather than by their triggers row by
// row: complaint_facts_rebuild() is the backfill the migration runs.
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/client.ts';

export interface LoadOptions {
  complaints: number;
  /** Receipts spread evenly over this many days before `now`. */
  days: number;
  now: Date;
}

const TABLES = ['customers', 'complaints', 'clock_instances', 'events', 'complaint_facts'];

export async function loadComplaints(
  db: Db,
  o: LoadOptions,
  log: (line: string) => void = () => {},
): Promise<void> {
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    log(`  ${name.padEnd(40)} ${((now - t) / 1000).toFixed(1).padStart(6)} s`);
    t = now;
  };
  await db.exec(`set synchronous_commit = off; set maintenance_work_mem = '512MB';`);
  const secondary = (
    await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes i
       where schemaname = 'public' and tablename = any($1::text[])
         and not exists (select 1 from pg_constraint c
                         where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
      [TABLES],
    )
  ).rows;
  for (const ix of secondary) await db.exec(`drop index ${ix.name}`);
  await db.exec(`alter table complaints drop constraint if exists complaints_customer_id_fkey;
    alter table events drop constraint if exists events_complaint_id_fkey;
    alter table clock_instances drop constraint if exists clock_instances_complaint_id_fkey;`);
  await db.exec(`alter table complaints disable trigger complaint_facts_sync;
    alter table events disable trigger complaint_facts_mark;`);
  await db.exec(`insert into departments (id, name) values ('billing', 'Billing'), ('network', 'Network'),
    ('sales', 'Sales'), ('support', 'Support') on conflict do nothing`);
  const n = o.complaints;
  const customers = Math.ceil(n * 0.7);
  await db.query(`select setseed(0.42)`);
  await db.query(
    `insert into customers (id, name, email, preferred_contact, vulnerable)
     select 'cu' || g, 'Customer ' || g, 'c' || g || '@example.test', 'email', random() < 0.03
     from generate_series(1, $1::int) g`,
    [customers],
  );
  phase(`customers (${customers})`);

  // One row of random draws per complaint, then the complaint built from them.
  await db.query(
    `insert into complaints (id, reference, policy_id, policy_version, status, is_open, escalation_level,
       flags, channel, received_at, customer_id, subject, description, product, category, department_id,
       outcome, root_cause, classification, redress, adr, satisfaction, satisfaction_answers,
       satisfaction_comment, tracking_token_hash, created_at, updated_at, closed_at)
     overriding system value
     select g, 'RB-' || g, pol, 1, case when open then 'investigating' else 'closed' end, open,
       case when esc then 1 else 0 end,
       case when r5 < 0.02 then '{vulnerable_customer}'::text[] else '{}'::text[] end,
       (array['email','phone','web','post','in_person'])[1 + floor(r1 * 5)::int],
       received, 'cu' || (1 + (g % $2::int)), 'Complaint ' || g, 'About the service',
       null, (array['billing','service','sales','other'])[1 + floor(r2 * 4)::int],
       (array['billing','network','sales','support'])[1 + floor(r3 * 4)::int],
       case when open then null
            else (array['upheld','partly_upheld','not_upheld','resolved_on_first_contact','withdrawn'])[1 + floor(r4 * 5)::int] end,
       case when open then null else (array['billing_error','process_failure','third_party','staff_conduct'])[1 + floor(r2 * 4)::int] end,
       case when r6 < 0.9 then jsonb_build_object(
         'productCode', case pol when 'uk-fca-disp' then (array['current_accounts','credit_cards','mortgages','general_insurance','personal_pensions','investment_linked'])[1 + floor(r3 * 6)::int]
                                 when 'uk-comms-ombudsman' then (array['landline','broadband','mobile','cloud_telephony','cloud_hosting'])[1 + floor(r3 * 5)::int]
                                 else (array['colocation','rack_rental','dedicated_server','cloud_server','connectivity'])[1 + floor(r3 * 5)::int] end,
         'causeCode', case pol when 'uk-fca-disp' then (array['advising_selling_arranging','terms_disputed_sums','general_admin','arrears','other'])[1 + floor(r4 * 5)::int]
                               when 'uk-comms-ombudsman' then (array['billing','faults','complaint_handling','contract','customer_service','other'])[1 + floor(r4 * 6)::int]
                               else (array['network_fault','power_failure','cooling_failure','billing_error','service_quality','other'])[1 + floor(r4 * 6)::int] end,
         'vulnerability', case when r5 < 0.05 then jsonb_build_object('identified', true, 'causedByFirm', r5 < 0.01, 'driver', 'health') else null end)
       end,
       case when r7 < 0.15 then jsonb_build_object('kind', 'money', 'description', 'Goodwill',
         'amount', round((10 + r8 * 200)::numeric, 2), 'currency', case when pol = 'vn-datacentre' then 'VND' else 'GBP' end,
         'offeredAt', received + interval '5 days',
         'acceptedAt', case when r8 < 0.8 then received + interval '6 days' end,
         'completedAt', case when r8 < 0.6 and not open then received + interval '7 days' end) end,
       case when referred then jsonb_build_object('scheme', 'Ombudsman', 'referredAt', (received + interval '60 days')::date,
         'decision', (array['upheld','partly_upheld','not_upheld'])[1 + floor(r8 * 3)::int]) end,
       case when not open and r8 < 0.3 then 1 + floor(r1 * 5)::int end,
       case when not open and r8 < 0.3 then jsonb_build_object('keptInformed', 1 + floor(r2 * 5)::int,
         'speed', 1 + floor(r3 * 5)::int, 'fairness', 1 + floor(r4 * 5)::int,
         'overall', 1 + floor(r1 * 5)::int) end,
       case when not open and r8 < 0.3 and r5 < 0.4 then 'Comment on complaint ' || g end,
       md5('t' || g), received, coalesce(closed, received), closed
     from (
       select g, r1, r2, r3, r4, r5, r6, r7, r8, pol, received, open, esc, referred,
         case when open then null else received + (interval '1 hour' * floor(2 + r7 * r7 * 2000)) end as closed
       from (
         select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
           random() r7, random() r8,
           $3::timestamptz - interval '1 day' * $4::int * (1 - g::float8 / $1::int) as received,
           (g::float8 / $1::int > 0.96 and g % 5 <> 0) as open,
           g % 13 = 0 as esc, g % 50 = 0 as referred,
           case when g % 10 < 3 then 'uk-fca-disp' when g % 10 < 8 then 'uk-comms-ombudsman' else 'vn-datacentre' end as pol
         from generate_series(1, $1::int) g
       ) draws
     ) x`,
    [n, customers, o.now, o.days],
  );
  phase(`complaints (${n})`);

  await db.query(
    `insert into clock_instances (complaint_id, name, started_at, due_at, stopped_at, status)
     select c.id, k.name, c.received_at, c.received_at + k.span,
       case when k.name = 'acknowledge' then c.received_at + interval '20 hours' else c.closed_at end,
       case when k.name = 'acknowledge' then 'met'
            when c.closed_at is null then 'running'
            when c.closed_at <= c.received_at + k.span then 'met' else 'breached' end
     from complaints c
       cross join (values ('acknowledge', interval '1 day'), ('resolution', interval '8 weeks')) as k(name, span)`,
  );
  phase('clock_instances');

  // Events: received and acknowledged for all; the rarer ones as the complaint's row says.
  await db.query(
    `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, data, data_digest, prev_hash, hash)
     select c.reference, row_number() over (partition by c.id order by e.at, e.type), c.id, e.type,
       'bench', 'handler', e.at, '{}'::jsonb, 'd', 'p', md5(c.id || e.type)
     from complaints c
       cross join lateral (values
         ('received', c.received_at, true),
         ('acknowledged', c.received_at + interval '20 hours', true),
         ('resolved_on_first_contact', c.received_at + interval '1 hour', c.outcome = 'resolved_on_first_contact'),
         ('escalated', c.received_at + interval '3 days', c.escalation_level > 0),
         ('deadlocked', c.received_at + interval '56 days', c.adr is not null or c.id % 29 = 0),
         ('deadlock_letter_sent', c.received_at + interval '56 days', c.adr is not null),
         ('referred_to_adr', c.received_at + interval '60 days', c.adr is not null),
         ('responded', c.closed_at - interval '1 hour', c.closed_at is not null),
         ('closed', c.closed_at, c.closed_at is not null)
       ) as e(type, at, present)
     where e.present`,
  );
  phase('events');

  for (const table of ['complaints', 'clock_instances', 'events']) {
    await db.query(
      `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 1))`,
    );
  }
  await db.query(`select setval('complaint_number', $1)`, [n]);
  await db.exec(`select complaint_facts_rebuild();
    alter table complaints enable trigger complaint_facts_sync;
    alter table events enable trigger complaint_facts_mark;`);
  phase('complaint_facts');
  for (const ix of secondary) await db.exec(ix.def);
  phase(`indexes (${secondary.length} rebuilt)`);
  await db.exec('vacuum analyze');
  phase('vacuum analyze');
}
