// Writes as parts: each repository says how it writes its rows as one data-modifying statement
// with its own parameters. A part runs alone, or several parts run as one statement
// (data-modifying WITH queries, executed once each and committed or failed together), so a batch
// of registrations costs one round trip through the same statements every other change uses.
import type { Queryable } from './client.ts';

export interface WritePart {
  /** The statement, given a function that names its k-th parameter (from 0) as a placeholder. */
  sql: (param: (k: number) => string) => string;
  params: readonly unknown[];
  /** Nothing to write: the part is left out. */
  empty: boolean;
}

/** A part whose parameter is its rows as one JSON array (read with jsonb_to_recordset). */
export function jsonPart(rows: readonly unknown[], sql: (rows: string) => string): WritePart {
  return { sql: (p) => sql(p(0)), params: [JSON.stringify(rows)], empty: rows.length === 0 };
}

/** Runs the parts that have something to write, as one statement. */
export async function runWrites(q: Queryable, parts: readonly WritePart[]): Promise<void> {
  const work = parts.filter((p) => !p.empty);
  if (work.length === 0) return;
  const params: unknown[] = [];
  const statements = work.map((part) => {
    const offset = params.length;
    params.push(...part.params);
    return part.sql((k) => `$${offset + k + 1}`);
  });
  if (statements.length === 1) {
    await q.query(statements[0]!, params);
    return;
  }
  const ctes = statements.map((s, i) => `w${i} as (${s})`);
  await q.query(`with ${ctes.join(',\n')} select 1`, params);
}
