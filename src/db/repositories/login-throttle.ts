// Sign-in attempt counts per key (see src/domain/access/login-throttle.ts), one row per key.
import type { ThrottleCount } from '../../domain/access/login-throttle.ts';
import type { Queryable } from '../client.ts';

/** Counts one attempt (a new window if the last one has ended) and returns the count after. */
export async function countAttempt(
  q: Queryable,
  key: string,
  now: Date,
  windowMs: number,
): Promise<ThrottleCount> {
  const r = await q.query<{ window_start: Date; attempts: number }>(
    `insert into login_throttle as t (key, window_start, attempts) values ($1, $2, 1)
     on conflict (key) do update set
       window_start = case when t.window_start <= $3 then excluded.window_start else t.window_start end,
       attempts = case when t.window_start <= $3 then 1 else t.attempts + 1 end
     returning window_start, attempts`,
    [key, now, new Date(now.getTime() - windowMs)],
  );
  const row = r.rows[0]!;
  return { windowStart: row.window_start, attempts: row.attempts };
}

/** Gives one attempt back (a sign-in that succeeded). */
export async function uncountAttempt(q: Queryable, key: string): Promise<void> {
  await q.query('update login_throttle set attempts = greatest(attempts - 1, 0) where key = $1', [
    key,
  ]);
}
