// Every version of every policy, from the database (presets are copied in at start-up, and
// administrators add versions). A complaint is bound to the version in force at receipt.
import type { Db } from '../db/client.ts';
import { appendSystemEvent } from '../db/repositories/events.ts';
import {
  insertPolicyVersion,
  insertPresetVersion,
  policyDocuments,
  policyGeneration,
} from '../db/repositories/policy-versions.ts';
import { calendarCorrections } from '../db/repositories/calendar-corrections.ts';
import { correctedCalendar, type CalendarCorrection } from '../domain/calendar/corrections.ts';
import { policyInForce, PolicyError } from '../domain/policy/parse.ts';
import { policySchema, type Policy } from '../domain/policy/schema.ts';
import { AppError } from './errors.ts';
import { listPresets } from './policies.ts';

/** A policy version with the administrator's calendar corrections of its policy applied. */
export function withCorrections(
  policy: Policy,
  corrections: readonly (CalendarCorrection & { policy_id?: string })[],
): Policy {
  const own = corrections.filter((c) => c.policy_id === undefined || c.policy_id === policy.id);
  return own.length ? { ...policy, calendar: correctedCalendar(policy.calendar, own) } : policy;
}

export class PolicyRegistry {
  private versions = new Map<string, Policy[]>();
  /** The versions as stored, before calendar corrections. */
  private stored = new Map<string, Policy[]>();
  private corrections = new Map<string, CalendarCorrection[]>();
  /** policyGeneration() when last loaded: another process's change makes it differ. */
  private generation = '';

  constructor(private readonly db: Db) {}

  /**
   * Reloads when another process added a policy version or a calendar correction since the
   * last load (several workers share one database); true when it did.
   */
  async refreshIfChanged(): Promise<boolean> {
    if ((await policyGeneration(this.db)) === this.generation) return false;
    await this.reload();
    return true;
  }

  /** Copies shipped preset versions the database does not have yet, then loads everything. */
  async syncPresets(): Promise<string[]> {
    const added: string[] = [];
    for (const preset of await listPresets()) {
      for (const p of preset.versions) {
        const inserted = await insertPresetVersion(this.db, {
          id: p.id,
          version: p.version,
          effectiveFrom: p.effectiveFrom,
          document: p,
        });
        if (inserted) added.push(`${p.id} v${p.version}`);
      }
    }
    await this.reload();
    return added;
  }

  async reload(): Promise<void> {
    const generation = await policyGeneration(this.db);
    const stored = new Map<string, Policy[]>();
    for (const r of await policyDocuments(this.db)) {
      const list = stored.get(r.policy_id) ?? [];
      list.push(policySchema.parse(r.document));
      stored.set(r.policy_id, list);
    }
    const corrections = new Map<string, CalendarCorrection[]>();
    for (const c of await calendarCorrections(this.db)) {
      const list = corrections.get(c.policy_id) ?? [];
      list.push({ day: c.day, change: c.change, name: c.name, reason: c.reason });
      corrections.set(c.policy_id, list);
    }
    this.stored = stored;
    this.corrections = corrections;
    this.generation = generation;
    this.versions = new Map(
      [...stored].map(([id, list]) => [
        id,
        list.map((p) => withCorrections(p, corrections.get(id) ?? [])),
      ]),
    );
  }

  /** Every version of a policy as it will be once `next` is stored as well. */
  versionsWithCorrection(id: string, next: CalendarCorrection): Policy[] {
    this.allVersions(id);
    const all = [...(this.corrections.get(id) ?? []), next];
    return (this.stored.get(id) ?? []).map((p) => withCorrections(p, all));
  }

  ids(): string[] {
    return [...this.versions.keys()].sort();
  }

  allVersions(id: string): Policy[] {
    const list = this.versions.get(id);
    if (!list) {
      throw new AppError(
        'POLICY.NOT_FOUND',
        `no policy "${id}"; known policies: ${this.ids().join(', ') || 'none'}`,
      );
    }
    return list;
  }

  /** The version of a policy in force at an instant. */
  at(id: string, at: Date): Policy {
    try {
      return policyInForce(this.allVersions(id), at);
    } catch (err) {
      if (err instanceof PolicyError) throw new AppError('POLICY.NOT_IN_FORCE', err.message);
      throw err;
    }
  }

  version(id: string, version: number): Policy {
    const p = this.allVersions(id).find((v) => v.version === version);
    if (!p)
      throw new AppError('POLICY.VERSION_NOT_FOUND', `policy ${id} has no version ${version}`);
    return p;
  }

  /** Adds a new version (the next number); versions already in force are never changed. */
  async addVersion(
    actor: { id: string; role: string },
    policy: Policy,
    now: Date,
  ): Promise<Policy> {
    const existing = this.versions.get(policy.id) ?? [];
    const next = Math.max(0, ...existing.map((v) => v.version)) + 1;
    const doc: Policy = { ...policy, version: next };
    const latest = existing[existing.length - 1];
    if (latest && doc.effectiveFrom <= latest.effectiveFrom) {
      throw new AppError(
        'POLICY.EFFECTIVE_DATE',
        `a new version must take effect after the latest one (${latest.effectiveFrom}); got ${doc.effectiveFrom}`,
        {
          issues: [
            {
              path: 'effectiveFrom',
              message: `expected a date after ${latest.effectiveFrom}; got ${doc.effectiveFrom}`,
            },
          ],
        },
      );
    }
    await this.db.transaction(async (tx) => {
      await insertPolicyVersion(tx, {
        id: doc.id,
        version: doc.version,
        effectiveFrom: doc.effectiveFrom,
        document: doc,
        createdBy: actor.id,
      });
      await appendSystemEvent(tx, {
        type: 'policy_version_added',
        actor,
        at: now,
        data: { policyId: doc.id, version: doc.version, effectiveFrom: doc.effectiveFrom },
      });
    });
    await this.reload();
    return doc;
  }
}
