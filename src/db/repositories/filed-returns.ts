// Filed regulator returns: written once, never changed (a trigger refuses updates and deletes).
import type { Queryable } from '../client.ts';

export interface FiledReturnRow {
  id: number;
  kind: string;
  policy_id: string;
  period_start: string;
  period_end: string;
  version: number;
  figures: Record<string, unknown>;
  digest: string;
  filed_by: string;
  filed_at: Date;
}

const COLUMNS = `id, kind, policy_id, to_char(period_start, 'YYYY-MM-DD') as period_start,
  to_char(period_end, 'YYYY-MM-DD') as period_end, version, figures, digest, filed_by, filed_at`;

/** Files the next version for the kind, policy and period (the table's lock keeps versions in
 *  order when two people file at once). */
export async function insertFiledReturn(
  tx: Queryable,
  r: Omit<FiledReturnRow, 'id' | 'version'>,
): Promise<FiledReturnRow> {
  await tx.query('lock table filed_returns in share row exclusive mode');
  const res = await tx.query<FiledReturnRow>(
    `insert into filed_returns (kind, policy_id, period_start, period_end, version, figures, digest,
       filed_by, filed_at)
     select $1, $2, $3::date, $4::date, coalesce(max(version), 0) + 1, $5::jsonb, $6, $7, $8
     from filed_returns where kind = $1 and policy_id = $2 and period_start = $3::date
       and period_end = $4::date
     returning ${COLUMNS}`,
    [
      r.kind,
      r.policy_id,
      r.period_start,
      r.period_end,
      JSON.stringify(r.figures),
      r.digest,
      r.filed_by,
      r.filed_at,
    ],
  );
  return res.rows[0]!;
}

export async function listFiledReturns(
  db: Queryable,
  kind: string,
  policyId: string | null,
): Promise<FiledReturnRow[]> {
  const r = await db.query<FiledReturnRow>(
    `select ${COLUMNS} from filed_returns where kind = $1 and ($2::text is null or policy_id = $2)
     order by period_start desc, policy_id, version desc`,
    [kind, policyId],
  );
  return r.rows;
}

export async function findFiledReturn(
  db: Queryable,
  kind: string,
  id: number,
): Promise<FiledReturnRow | null> {
  const r = await db.query<FiledReturnRow>(
    `select ${COLUMNS} from filed_returns where kind = $1 and id = $2`,
    [kind, id],
  );
  return r.rows[0] ?? null;
}
