// The sweep's part for the lessons register: a corrective action past its due date (in its
// complaint's policy time zone) and not done tells its owner, once — a notification like any
// other, claimed with SKIP LOCKED so two workers never tell twice.
import type { Db } from '../../db/client.ts';
import {
  claimOverdueCandidates,
  markOverdueNotified,
} from '../../db/repositories/corrective-actions.ts';
import { insertNotifications } from '../../db/repositories/notifications.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { localDate } from './corrective-action.ts';

const BATCH = 200;

export async function notifyOverdueCorrectiveActions(deps: {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
}): Promise<{ claimed: number }> {
  const now = deps.now();
  // Every zone's today is at most a day ahead of UTC's: candidates are due before tomorrow (UTC).
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return deps.db.transaction(async (tx) => {
    const candidates = await claimOverdueCandidates(tx, tomorrow, BATCH);
    const overdue = candidates.filter(
      (a) =>
        a.due_on < localDate(deps.policies.version(a.policy_id, a.policy_version).timezone, now),
    );
    await insertNotifications(
      tx,
      overdue.map((a) => ({
        complaintId: a.complaint_id,
        role: null,
        userId: a.owner_id,
        kind: 'corrective_action_overdue',
        message: `${a.reference}: the corrective action "${a.description.slice(0, 120)}" was due on ${a.due_on} and is not done`,
      })),
    );
    await markOverdueNotified(
      tx,
      overdue.map((a) => a.id),
      now,
    );
    return { claimed: overdue.length };
  });
}
