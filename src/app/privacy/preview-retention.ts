// The retention preview: how many complaints the sweep will anonymise on each day from now to a
// horizon ("1,204 complaints will be anonymised on 1 January"), and how many are overdue now,
// held, or not yet planned. Planning first (it only records each closed complaint's end date),
// so the figures are the sweep's own.
import type { Db } from '../../db/client.ts';
import {
  retentionCounts,
  retentionDueByDay,
  retentionDueReferences,
} from '../../db/repositories/privacy-retention.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { versionInForce } from '../policies/list-policies.ts';
import { planRetention } from './sweep-retention.ts';

export interface RetentionPreview {
  asOf: string;
  until: string;
  timezone: string;
  /** Complaints whose period has ended: the next sweep anonymises them. */
  dueNow: number;
  /** Per local day from today to the horizon: how many will be anonymised that day. */
  days: { date: string; count: number }[];
  /** Closed complaints kept by a legal hold. */
  held: number;
  /** The same per policy, its days in the policy's own time zone (policies with none left out). */
  policies: {
    policy: string;
    name: string;
    timezone: string;
    dueNow: number;
    days: { date: string; count: number }[];
  }[];
  /** A sample of the complaints due now (a dry run lists them). */
  dueReferences: { reference: string; dueAt: string }[];
}

export async function previewRetention(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
  input: { days?: number; timezone?: string; sample?: number } = {},
): Promise<RetentionPreview> {
  while ((await planRetention(deps)) > 0);
  const now = deps.now();
  const until = new Date(now.getTime() + (input.days ?? 366) * 86_400_000);
  const timezone = input.timezone ?? 'UTC';
  const days = await retentionDueByDay(deps.db, now, until, timezone);
  const counts = await retentionCounts(deps.db);
  const dueNow = await retentionDueByDay(
    deps.db,
    new Date(0),
    new Date(now.getTime() + 1),
    timezone,
  );
  const sample = await retentionDueReferences(deps.db, now, input.sample ?? 20);
  const policies: RetentionPreview['policies'] = [];
  for (const id of deps.policies.ids()) {
    const policy = versionInForce(deps.policies, id, now) ?? deps.policies.allVersions(id)[0]!;
    const tz = policy.timezone;
    const [ahead, due] = await Promise.all([
      retentionDueByDay(deps.db, now, until, tz, id),
      retentionDueByDay(deps.db, new Date(0), new Date(now.getTime() + 1), tz, id),
    ]);
    const dueNow = due.reduce((n, d) => n + d.count, 0);
    if (dueNow === 0 && ahead.length === 0) continue;
    policies.push({
      policy: id,
      name: policy.name,
      timezone: tz,
      dueNow,
      days: ahead.map((d) => ({ date: d.day, count: d.count })),
    });
  }
  return {
    asOf: now.toISOString(),
    until: until.toISOString(),
    timezone,
    dueNow: dueNow.reduce((n, d) => n + d.count, 0),
    days: days.map((d) => ({ date: d.day, count: d.count })),
    held: counts.held,
    policies,
    dueReferences: sample.map((r) => ({
      reference: r.reference,
      dueAt: r.retention_due_at.toISOString(),
    })),
  };
}
