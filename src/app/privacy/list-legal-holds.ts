// The legal holds in force (or every hold, released ones too).
import type { Queryable } from '../../db/client.ts';
import { listLegalHolds as holdRows } from '../../db/repositories/privacy-holds.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { toLegalHold, type LegalHold } from './legal-hold.ts';

export async function listLegalHolds(
  deps: { db: Queryable },
  _actor: Actor,
  input: { all?: boolean } = {},
): Promise<LegalHold[]> {
  return (await holdRows(deps.db, { activeOnly: !input.all })).map(toLegalHold);
}
