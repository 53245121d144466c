// The signed-in session: the user comes from GET /auth/session (the httpOnly cookie proves
// it), the CSRF token from the login response (kept in this tab's sessionStorage). Without
// the token a tab cannot change anything, so it counts as signed out.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, call, csrf } from '../../api/client.ts';
import type { Role, Session } from '../../api/types.ts';

export const SESSION_KEY = ['session'] as const;

/** Each role's home (SPEC §7): handlers and departments work from the queue, the others
 *  from the dashboard. */
export const ROLE_HOME: Record<Role, string> = {
  handler: '/queue',
  department_member: '/queue',
  manager: '/dashboard',
  administrator: '/dashboard',
  auditor: '/dashboard',
};

async function fetchSession(): Promise<Session | null> {
  if (!csrf.get()) return null;
  try {
    return await call<Session>(api.GET('/api/v1/auth/session'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      csrf.set(null);
      return null;
    }
    throw err;
  }
}

/** The session asked for as the app starts (main.tsx), handed to the first query that wants
 *  it; signed out (no CSRF token in this tab), nothing is asked. */
let early: { at: number; session: Promise<Session | null> } | null = null;
export function prefetchSession(): void {
  if (!csrf.get()) return;
  early = { at: Date.now(), session: fetchSession() };
  early.session.catch(() => {}); // a failure is the query's to report when it asks
}
/** Only as the app starts: a page that never asks leaves it to go stale. */
const EARLY_FOR_MS = 10_000;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => {
      const first = early;
      early = null;
      return first && Date.now() - first.at < EARLY_FOR_MS ? first.session : fetchSession();
    },
    staleTime: 60_000,
    retry: false,
  });
}

export async function signIn(client: QueryClient, email: string, password: string) {
  const result = await call(api.POST('/api/v1/auth/login', { body: { email, password } }));
  csrf.set(result.csrfToken);
  early = null;
  const session: Session = { user: result.user, via: 'session', capabilities: result.capabilities };
  client.setQueryData(SESSION_KEY, session);
  return session;
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    try {
      await call(api.POST('/api/v1/auth/logout'));
    } catch {
      /* signed out either way */
    }
    csrf.set(null);
    early = null;
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };
}

/** A path inside the app to return to after signing in (never another site). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login'))
    return null;
  return next;
}
