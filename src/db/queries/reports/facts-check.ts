// The reports' read model checked against what it is kept from: every complaint's facts row
// (migration 0018, maintained by triggers) recomputed from the complaint row and its events,
// and the complaints whose stored row differs (or is missing, or left over). Empty when the
// triggers did their work; the reconciliation tests assert it after every kind of change.
import type { Queryable } from '../../client.ts';

const MARKS = `select e.complaint_id,
    bool_or(e.type = 'resolved_on_first_contact') as first_contact,
    (count(*) filter (where e.type = 'escalated'))::int as escalations,
    bool_or(e.type = 'deadlocked') as deadlocked,
    bool_or(e.type = 'deadlock_letter_sent') as deadlock_letter,
    bool_or(e.type = 'deadlock_letter_requested') as deadlock_letter_requested,
    bool_or(e.type = 'deadlock_letter_refused') as deadlock_refused,
    bool_or(e.type = 'referred_to_adr') as referred,
    bool_or(e.type = 'reopened') as reopened
  from events e where e.complaint_id is not null group by e.complaint_id`;

/** References of complaints whose facts row disagrees with the complaint and its events. */
export async function factsDisagreements(q: Queryable): Promise<string[]> {
  const r = await q.query<{ reference: string }>(
    `with expected as (
       select s.complaint_id, s.reference, s.policy_id, s.channel, s.category, s.department_id,
         s.status, s.is_open, s.escalation_level, s.received_at, s.closed_at, s.outcome,
         s.root_cause, s.satisfaction, s.product_code, s.product, s.cause, s.vulnerable,
         s.vulnerability_caused, s.vulnerability_driver, s.has_adr, s.adr_decision,
         s.adr_complied_at, s.has_redress, s.redress_kind, s.redress_currency, s.redress_amount,
         s.redress_accepted_at, s.redress_completed_at, s.kept_informed, s.speed, s.fairness,
         coalesce(m.first_contact, false) as first_contact, coalesce(m.escalations, 0) as escalations,
         coalesce(m.deadlocked, false) as deadlocked,
         coalesce(m.deadlock_letter, false) as deadlock_letter,
         coalesce(m.deadlock_letter_requested, false) as deadlock_letter_requested,
         coalesce(m.deadlock_refused, false) as deadlock_refused,
         coalesce(m.referred, false) as referred, coalesce(m.reopened, false) as reopened,
         -- A comment once counted stays counted: anonymisation removes its text only.
         case when c.anonymised_at is not null then coalesce(f.satisfaction_commented, false)
              else s.satisfaction_commented end as satisfaction_commented
       from complaint_facts_source s
         join complaints c on c.id = s.complaint_id
         left join complaint_facts f on f.complaint_id = s.complaint_id
         left join (${MARKS}) m on m.complaint_id = s.complaint_id
     ),
     stored as (
       select f.complaint_id, f.reference, f.policy_id, f.channel, f.category, f.department_id,
         f.status, f.is_open, f.escalation_level, f.received_at, f.closed_at, f.outcome,
         f.root_cause, f.satisfaction, f.product_code, f.product, f.cause, f.vulnerable,
         f.vulnerability_caused, f.vulnerability_driver, f.has_adr, f.adr_decision,
         f.adr_complied_at, f.has_redress, f.redress_kind, f.redress_currency, f.redress_amount,
         f.redress_accepted_at, f.redress_completed_at, f.kept_informed, f.speed, f.fairness,
         f.first_contact, f.escalations,
         f.deadlocked, f.deadlock_letter, f.deadlock_letter_requested, f.deadlock_refused,
         f.referred, f.reopened, f.satisfaction_commented
       from complaint_facts f
     ),
     differing as (
       (select * from expected except select * from stored)
       union (select * from stored except select * from expected)
     )
     select reference from differing order by reference`,
  );
  return r.rows.map((x) => x.reference);
}
