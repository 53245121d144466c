// Every version of every policy, as documents: presets copied in at start-up, and versions
// administrators add. Complaints point at the version in force when they arrived.
import type { Queryable } from '../client.ts';

/** Copies a preset version in unless the database has it; true when it was added. */
export async function insertPresetVersion(
  q: Queryable,
  p: { id: string; version: number; effectiveFrom: string; document: unknown },
): Promise<boolean> {
  const r = await q.query(
    `insert into policy_versions (policy_id, version, effective_from, document, origin)
     values ($1, $2, $3, $4, 'preset') on conflict do nothing`,
    [p.id, p.version, p.effectiveFrom, JSON.stringify(p.document)],
  );
  return r.rowCount > 0;
}

export async function insertPolicyVersion(
  tx: Queryable,
  p: { id: string; version: number; effectiveFrom: string; document: unknown; createdBy: string },
): Promise<void> {
  await tx.query(
    `insert into policy_versions (policy_id, version, effective_from, document, origin, created_by)
     values ($1, $2, $3, $4, 'administrator', $5)`,
    [p.id, p.version, p.effectiveFrom, JSON.stringify(p.document), p.createdBy],
  );
}

/** Every stored version's document, by policy and version. */
export async function policyDocuments(
  q: Queryable,
): Promise<{ policy_id: string; document: unknown }[]> {
  const r = await q.query<{ policy_id: string; document: unknown }>(
    'select policy_id, document from policy_versions order by policy_id, version',
  );
  return r.rows;
}

/**
 * What the policies and calendar corrections are at now, as one string that changes whenever
 * either table does (both are append-only: versions are never changed, corrections are rows).
 */
export async function policyGeneration(q: Queryable): Promise<string> {
  const r = await q.query<{ v: string; c: string }>(
    `select (select count(*) from policy_versions)::text as v,
            (select count(*) from calendar_corrections)::text as c`,
  );
  return `${r.rows[0]!.v}/${r.rows[0]!.c}`;
}
