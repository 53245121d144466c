// How many sign-in attempts an account and a client address get before they are locked out.
// Counted in fixed windows; an attempt counts before its password is checked (so a burst of
// parallel guesses cannot all be checked before the first failure is recorded), and a successful
// sign-in gives its account's count back. The address is the TCP peer, or the client a trusted
// proxy names (config trustProxy) — never a header a client could forge.

export interface ThrottleLimit {
  attempts: number;
  windowMs: number;
}

export const LOGIN_LIMITS = {
  /** Guesses at one account, from anywhere. */
  account: { attempts: 5, windowMs: 15 * 60_000 },
  /** Failed sign-ins from one address, at any accounts. */
  address: { attempts: 20, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleLimit>;

export type ThrottleScope = keyof typeof LOGIN_LIMITS;

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${scope === 'account' ? value.trim().toLowerCase() : value}`;
}

export interface ThrottleCount {
  windowStart: Date;
  attempts: number;
}

/** When the window of a count locks out (its attempts beyond the limit), or null if it does not. */
export function lockedUntil(count: ThrottleCount, limit: ThrottleLimit): Date | null {
  return count.attempts > limit.attempts
    ? new Date(count.windowStart.getTime() + limit.windowMs)
    : null;
}
