// A bearer token for a staff account (integrations, scripts): only its SHA-256 is stored, with
// a system audit event, in one transaction; the token itself is returned once. It expires after
// `days` (default: config tokenDays) and can be revoked one by one.
import type { Db } from '../../db/client.ts';
import { insertApiToken } from '../../db/repositories/api-tokens.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { newId, newSecret, sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';

export const MAX_TOKEN_DAYS = 366;

export interface CreatedToken {
  id: string;
  token: string;
  expiresAt: Date;
}

export async function createApiToken(
  deps: { db: Db; now: () => Date; config: { tokenDays: number } },
  actor: Actor,
  input: { email: string; name?: string | undefined; days?: number | undefined },
): Promise<CreatedToken> {
  const days = input.days ?? deps.config.tokenDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw new AppError(
      'TOKEN.BAD_LIFETIME',
      `a token lasts a whole number of days, 1 to ${MAX_TOKEN_DAYS}`,
    );
  }
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || !user.active)
    throw new AppError('USER.NOT_FOUND', `no active user with email ${input.email}`);
  const token = `rdt_${newSecret()}`;
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await insertApiToken(tx, {
      id,
      userId: user.id,
      tokenHash: sha256(token),
      name: input.name ?? 'cli',
      expiresAt,
    });
    await appendSystemEvent(tx, {
      type: 'token_created',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: { tokenId: id, userId: user.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { id, token, expiresAt };
}
