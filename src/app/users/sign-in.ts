// Signing in with email and password: throttled per account and per client address (see
// src/domain/access/login-throttle.ts), the password checked against argon2 (a fixed hash when
// the email is unknown, so timing does not tell), and a session started.
import { verify } from '@node-rs/argon2';
import type { Db } from '../../db/client.ts';
import { countAttempt, uncountAttempt } from '../../db/repositories/login-throttle.ts';
import { insertSession } from '../../db/repositories/sessions.ts';
import { findUserByEmail, toUser, type User } from '../../db/repositories/users.ts';
import {
  LOGIN_LIMITS,
  lockedUntil,
  throttleKey,
  type ThrottleScope,
} from '../../domain/access/login-throttle.ts';
import { newSecret, sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$IU/cMNwwMYNIr1n17XXLkw$44seNp3+w+EGBhk3mNGYqc69Kjp1yiaTEBfUoIF/9W4';

export interface SignedIn {
  user: User;
  /** The session cookie's secret (only its hash is stored). */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function signIn(
  deps: { db: Db; now: () => Date; config: { sessionHours: number } },
  input: { email: string; password: string; address: string },
): Promise<SignedIn> {
  const now = deps.now();
  const keys: [ThrottleScope, string][] = [
    ['account', throttleKey('account', input.email)],
    ['address', throttleKey('address', input.address)],
  ];
  let until: Date | null = null;
  for (const [scope, key] of keys) {
    const count = await countAttempt(deps.db, key, now, LOGIN_LIMITS[scope].windowMs);
    const locked = lockedUntil(count, LOGIN_LIMITS[scope]);
    if (locked && (!until || locked > until)) until = locked;
  }
  if (until) {
    throw new AppError(
      'AUTH.LOCKED',
      'too many sign-in attempts for this account or from this address; try again later',
      { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) },
    );
  }
  const row = await findUserByEmail(deps.db, input.email);
  const ok = await verify(row?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!row || !row.password_hash || !row.active || !ok) {
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'wrong email or password');
  }
  for (const [, key] of keys) await uncountAttempt(deps.db, key);
  const secret = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  await insertSession(deps.db, { idHash: sha256(secret), userId: row.id, csrfToken, expiresAt });
  return { user: toUser(row), secret, csrfToken, expiresAt };
}
