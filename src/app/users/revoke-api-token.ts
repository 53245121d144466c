// Revoking one bearer token: it stops working at once, for good, with a system audit event.
import type { Db } from '../../db/client.ts';
import { revokeApiToken as revokeRow, type ApiTokenRow } from '../../db/repositories/api-tokens.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function revokeApiToken(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { id: string; userId?: string },
): Promise<ApiTokenRow> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const done = await revokeRow(tx, input.id, now);
    if (!done || (input.userId !== undefined && done.row.user_id !== input.userId)) {
      throw new AppError('TOKEN.NOT_FOUND', `no token "${input.id}"`);
    }
    const { row } = done;
    if (done.changed) {
      await appendSystemEvent(tx, {
        type: 'token_revoked',
        actor: { id: actor.id, role: actor.role },
        at: now,
        data: { tokenId: row.id, userId: row.user_id },
      });
    }
    return row;
  });
}
