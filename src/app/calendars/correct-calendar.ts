// An administrator corrects a policy's calendar without a new policy version: a day becomes
// non-working (a late-announced holiday, a closure) or working again. In the same transaction
// every open complaint under the policy has its clocks replayed by the corrected calendar, and
// each clock not yet due whose due instant moves is re-timed, with an event giving the reason.
// Clocks already due (met or breached) keep what they were.
import type { Db, Queryable } from '../../db/client.ts';
import {
  insertCalendarCorrection,
  openComplaintIdsOfPolicy,
} from '../../db/repositories/calendar-corrections.ts';
import { clocksOf, saveClocks, toClockInstance } from '../../db/repositories/clocks.ts';
import {
  findComplaintById,
  lockComplaintById,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { appendEvents, appendSystemEvent, timelineOf } from '../../db/repositories/events.ts';
import { replayClocks, type ClockInstance } from '../../domain/clocks/policy-clocks.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { ComplaintEventType } from '../../domain/complaint/states.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export interface CalendarCorrectionInput {
  policyId: string;
  /** YYYY-MM-DD, in the policy's time zone. */
  date: string;
  /** add: the day is not worked; remove: the day is worked. */
  change: 'add' | 'remove';
  name?: string | undefined;
  reason: string;
}

export interface Retimed {
  reference: string;
  clock: string;
  from: string | null;
  to: string | null;
}

export interface CalendarCorrected {
  policy: string;
  date: string;
  change: 'add' | 'remove';
  /** The complaints whose clocks moved, and which clocks. */
  retimed: Retimed[];
  /** How many open complaints have a clock that moved. */
  complaints: number;
}

function checkInput(input: CalendarCorrectionInput): void {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
  const real =
    d !== null && new Date(`${input.date}T00:00:00Z`).toISOString().slice(0, 10) === input.date;
  const problems = [
    !real && 'date: expected a real date as YYYY-MM-DD',
    !['add', 'remove'].includes(input.change) && 'change: expected add or remove',
    !input.reason?.trim() && 'reason: a reason is required',
  ].filter((p): p is string => Boolean(p));
  if (problems.length) {
    throw new AppError('CALENDAR.INVALID_CORRECTION', problems.join('; '), { problems });
  }
}

interface Retiming {
  row: ComplaintRow;
  clocks: ClockInstance[];
  moved: Retimed[];
}

/**
 * Every open complaint under the policy whose clocks the corrected calendar (`versions`) moves:
 * each clock still running and not yet due is replayed; the rest stay as they were. Locks each
 * complaint when `lock` (the correction itself); reads only for a preview.
 */
async function retimings(
  q: Queryable,
  versions: Policy[],
  policyId: string,
  now: Date,
  lock: boolean,
): Promise<Retiming[]> {
  const out: Retiming[] = [];
  for (const id of await openComplaintIdsOfPolicy(q, policyId)) {
    const row = lock ? await lockComplaintById(q, id) : await findComplaintById(q, id);
    if (!row?.is_open) continue;
    const policy = versions.find((v) => v.version === row.policy_version);
    if (!policy) continue;
    const before = new Map((await clocksOf(q, id)).map((c) => [c.name, toClockInstance(c)]));
    const timeline = (await timelineOf(q, id)).map((e) => ({
      ...e,
      type: e.type as ComplaintEventType,
    }));
    const moved: Retimed[] = [];
    const clocks: ClockInstance[] = replayClocks(policy, row.channel, timeline, now).map((c) => {
      const old = before.get(c.name);
      // Only a clock still running and not yet due is re-timed; the rest stay as they were.
      if (!old || old.stoppedAt || !old.dueAt || old.dueAt <= now) return old ?? c;
      if ((old.dueAt?.getTime() ?? null) === (c.dueAt?.getTime() ?? null)) return old;
      moved.push({
        reference: row.reference,
        clock: c.name,
        from: old.dueAt?.toISOString() ?? null,
        to: c.dueAt?.toISOString() ?? null,
      });
      return c;
    });
    if (moved.length) out.push({ row, clocks, moved });
  }
  return out;
}

const correctionOf = (input: CalendarCorrectionInput) => ({
  day: input.date,
  change: input.change,
  name: input.name?.trim() || null,
  reason: input.reason.trim(),
});

/** What a correction would re-time, changing nothing (the form shows it before it is made). */
export async function previewCalendarCorrection(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
  input: CalendarCorrectionInput,
): Promise<CalendarCorrected> {
  checkInput(input);
  const versions = deps.policies.versionsWithCorrection(input.policyId, correctionOf(input));
  const found = await retimings(deps.db, versions, input.policyId, deps.now(), false);
  return {
    policy: input.policyId,
    date: input.date,
    change: input.change,
    retimed: found.flatMap((f) => f.moved),
    complaints: found.length,
  };
}

export async function correctCalendar(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  input: CalendarCorrectionInput,
): Promise<CalendarCorrected> {
  checkInput(input);
  const now = deps.now();
  const correction = correctionOf(input);
  const reason = correction.reason;
  const versions = deps.policies.versionsWithCorrection(input.policyId, correction);
  const retimed: Retimed[] = [];
  let complaints = 0;
  await deps.db.transaction(async (tx) => {
    const createdBy = actor.role === 'system' || actor.id === 'cli' ? null : actor.id;
    await insertCalendarCorrection(tx, {
      policyId: input.policyId,
      ...correction,
      createdBy,
      at: now,
    });
    await appendSystemEvent(tx, {
      type: 'calendar_corrected',
      actor: { id: actor.id, role: actor.role },
      at: now,
      reason,
      data: { policyId: input.policyId, date: input.date, change: input.change },
    });
    const found = await retimings(tx, versions, input.policyId, now, true);
    complaints = found.length;
    for (const { row, clocks, moved } of found) {
      retimed.push(...moved);
      await appendEvents(
        tx,
        row.reference,
        row.id,
        moved.map((r) => ({
          type: 'clock_retimed',
          actor: { id: actor.id, role: actor.role },
          at: now,
          reason,
          public: false,
          data: {
            clock: r.clock,
            fromDueAt: r.from,
            toDueAt: r.to,
            calendar: { date: input.date, change: input.change },
          },
        })),
      );
      await saveClocks(tx, row, clocks);
    }
  });
  await deps.policies.reload();
  return { policy: input.policyId, date: input.date, change: input.change, retimed, complaints };
}
