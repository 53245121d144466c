// What a message says that a person wrote or that the complaint's history records: the per-kind
// details a caller did not give, and the facts a progress report and a deadlock letter need.
// Only text written for the customer is taken: a deadlock's or a refusal's `reason` and a
// department's `findings` are for staff and are never read here.
//   - final response: `cause` of the proposal, else a department's `customerSummary`; none
//     means no cause is stated (a policy that requires one refuses the letter).
//   - deadlock letter: `customerMessage` of the letter or the deadlock; none means the letter's
//     standard wording, without a reason.
//   - refusal of a deadlock letter: `customerMessage`, else the standard reason for the flag.
import type { Queryable } from '../../db/client.ts';
import type { ComplaintRow } from '../../db/repositories/complaints.ts';
import {
  departmentNames,
  historyOf,
  type HistoryEvent,
} from '../../db/repositories/communication-history.ts';
import { SENTENCES } from '../../domain/communications/phrases.ts';
import type { ProgressEvent } from '../../domain/communications/progress.ts';
import { EXTRA_FIELDS, type CommunicationContext } from '../../domain/communications/variables.ts';
import type { Language, Policy } from '../../domain/policy/schema.ts';
import type { CommunicationKind } from './types.ts';

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

export interface ComplaintDetails {
  extra: Record<string, unknown>;
  facts: NonNullable<CommunicationContext['facts']>;
}

function latestOf(history: readonly HistoryEvent[]) {
  return (type: string) => history.find((e) => e.type === type);
}

/** Details recorded on the complaint's history, for what the caller did not give. */
export async function complaintDetails(
  db: Queryable,
  row: ComplaintRow,
  policy: Policy,
  kind: CommunicationKind,
  lang: Language,
): Promise<ComplaintDetails> {
  const history = await historyOf(db, row.id);
  const latest = latestOf(history);
  const out: Record<string, unknown> = {};
  const facts: ComplaintDetails['facts'] = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && k in EXTRA_FIELDS[kind]) out[k] = v;
  };
  switch (kind) {
    case 'request_for_information': {
      const q = latest('information_requested')?.data.questions;
      if (Array.isArray(q))
        set(
          'questions',
          q.filter((x) => typeof x === 'string'),
        );
      break;
    }
    case 'transfer_notice': {
      const dept = str(latest('transferred')?.data.departmentId) ?? row.department_id;
      if (dept) set('department_name', (await departmentNames(db, [dept])).get(dept) ?? dept);
      break;
    }
    case 'progress_report': {
      const reported = latest('progress_reported');
      set('progress_note', str(reported?.data.message));
      set('next_report_date', str(reported?.data.nextReportBy));
      const previous = history.find(
        (e) => e.type === 'communication_queued' && e.data.kind === 'progress_report',
      );
      facts.lastReportAt = previous?.at ?? null;
      const depts = await departmentNames(
        db,
        history.map((e) => str(e.data.departmentId)).filter((d): d is string => Boolean(d)),
      );
      facts.events = [...history].reverse().map((e): ProgressEvent => {
        const d = str(e.data.departmentId);
        const name = d ? depts.get(d) : undefined;
        return { type: e.type, at: e.at, ...(name ? { department: name } : {}) };
      });
      break;
    }
    case 'resolution_plan': {
      const e = latest('resolution_plan_agreed');
      set('plan', str(e?.data.plan));
      set('target_date', str(e?.data.targetDate));
      break;
    }
    case 'final_response': {
      const proposal = latest('response_proposed');
      set('response_text', str(proposal?.data.response));
      set(
        'cause',
        str(proposal?.data.cause) ?? str(latest('department_responded')?.data.customerSummary),
      );
      set('remedy', str(row.redress?.description) ?? str(proposal?.data.remedy));
      set('time_limit_position', str(proposal?.data.timeLimitPosition));
      break;
    }
    case 'summary_resolution': {
      const e = latest('resolved_on_first_contact');
      set('resolution', str(e?.data.resolution));
      set('time_limit_position', str(e?.data.timeLimitPosition));
      break;
    }
    case 'deadlock_refusal': {
      const e = latest('deadlock_letter_refused');
      const flags = (
        Array.isArray(e?.data.refusingFlags) ? e.data.refusingFlags : row.flags
      ).filter(
        (f): f is 'vexatious' | 'outside_jurisdiction' =>
          f === 'vexatious' || f === 'outside_jurisdiction',
      );
      const standard = flags[0]
        ? SENTENCES[lang].refusal[flags[0]](policy.adr?.scheme.name ?? null)
        : undefined;
      set('reason', str(e?.data.customerMessage) ?? standard);
      break;
    }
    case 'deadlock_letter': {
      const deadlocked = latest('deadlocked');
      set(
        'reason',
        str(latest('deadlock_letter_sent')?.data.customerMessage) ??
          str(deadlocked?.data.customerMessage),
      );
      facts.finalPosition = Boolean(deadlocked && deadlocked.actor_role !== 'system');
      break;
    }
    default:
      break;
  }
  return { extra: out, facts };
}
