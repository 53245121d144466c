// What a new password must be: at least 12 characters, not one of the passwords people pick
// most often (common-passwords.txt, shipped beside this file), not the account's own email or
// name. A refusal says why in words and never repeats the password.
import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(normalise),
);

/** Refuses a password that is short, common, or made from the account's own details. */
export function checkNewPassword(password: string, account: { email: string; name: string }): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'USER.WEAK_PASSWORD',
      `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  const p = normalise(password);
  if (COMMON.has(p)) {
    throw new AppError(
      'USER.WEAK_PASSWORD',
      'this password is one of the most commonly used; choose another',
    );
  }
  if (new Set(p).size < 4) {
    throw new AppError('USER.WEAK_PASSWORD', 'this password repeats too few characters');
  }
  const own = [account.email, account.email.split('@')[0] ?? '', account.name].map(normalise);
  if (own.some((o) => o.length >= 4 && p.includes(o))) {
    throw new AppError(
      'USER.WEAK_PASSWORD',
      "a password may not contain the account's email or name",
    );
  }
}
