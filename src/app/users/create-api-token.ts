// A bearer token for a staff account (integrations, scripts): only its SHA-256 is stored, with
// a system audit event, in one transaction; the token itself is returned once.
import type { Db } from '../../db/client.ts';
import { insertApiToken } from '../../db/repositories/api-tokens.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { newId, newSecret, sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';

export async function createApiToken(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { email: string; name?: string | undefined },
): Promise<string> {
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || !user.active)
    throw new AppError('USER.NOT_FOUND', `no active user with email ${input.email}`);
  const token = `rdt_${newSecret()}`;
  await deps.db.transaction(async (tx) => {
    const id = newId();
    await insertApiToken(tx, {
      id,
      userId: user.id,
      tokenHash: sha256(token),
      name: input.name ?? 'cli',
    });
    await appendSystemEvent(tx, {
      type: 'token_created',
      actor: { id: actor.id, role: actor.role },
      at: deps.now(),
      data: { tokenId: id, userId: user.id },
    });
  });
  return token;
}
