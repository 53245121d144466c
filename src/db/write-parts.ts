// Writes as parts: each repository says how it writes its rows as one data-modifying statement
// over a single parameter (a JSON array of rows). A part runs alone, or several parts run as one
// statement (data-modifying WITH queries, executed once each and committed or failed together),
// so a batch of registrations costs one round trip through the same statements every other
// change uses.
import type { Queryable } from './client.ts';

export interface WritePart {
  /** The statement, given the placeholder of its parameter (e.g. `$1`). */
  sql: (param: string) => string;
  /** The rows, sent as one JSON parameter. */
  rows: readonly unknown[];
}

/** Runs the parts (those with rows) as one statement; does nothing when none has rows. */
export async function runWrites(q: Queryable, parts: readonly WritePart[]): Promise<void> {
  const work = parts.filter((p) => p.rows.length > 0);
  if (work.length === 0) return;
  const params = work.map((p) => JSON.stringify(p.rows));
  if (work.length === 1) {
    await q.query(work[0]!.sql('$1'), params);
    return;
  }
  const ctes = work.map((p, i) => `w${i} as (${p.sql(`$${i + 1}`)})`);
  await q.query(`with ${ctes.join(',\n')} select 1`, params);
}
