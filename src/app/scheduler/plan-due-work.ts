// Planning the sweep's work for complaints registered since the last sweep: registration writes
// only the clocks (what must be durable then) and leaves the work list to be derived here, in
// batches. Each complaint is planned under its row lock, the one every change takes, so no
// change runs meanwhile and no other worker plans it too; a change to the complaint's clocks
// before the sweep gets to it plans it itself (saveClocks).
import type { Db } from '../../db/client.ts';
import { clocksOfMany, toClockInstance, type ClockRow } from '../../db/repositories/clocks.ts';
import {
  lockUnplannedComplaints,
  syncScheduledActions,
} from '../../db/repositories/scheduled-actions.ts';
import { dueWorkOf } from '../../domain/clocks/policy-clocks.ts';

/** Plans up to `limit` complaints in one transaction; returns how many. */
export async function planDueWork(deps: { db: Db }, limit = 200): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const ids = await lockUnplannedComplaints(tx, limit);
    if (ids.length === 0) return 0;
    const byComplaint = new Map<number, ClockRow[]>(ids.map((id) => [id, []]));
    for (const c of await clocksOfMany(tx, ids)) byComplaint.get(Number(c.complaint_id))?.push(c);
    await syncScheduledActions(
      tx,
      [...byComplaint].map(([complaintId, rows]) => ({
        complaintId,
        work: dueWorkOf(rows.map(toClockInstance)),
      })),
    );
    return ids.length;
  });
}
