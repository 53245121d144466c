// The one way the app talks to the API: openapi-fetch over the generated `paths`, with the
// session's CSRF token on unsafe methods and every error body turned into an ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

/** A failure the API reported ({"error": {code, message}}), or NETWORK when none came back. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** One problem the server found in a request, as INPUT.INVALID lists them: where, a code and
 *  its parameters (say it with lib/field-issues.ts), and the server's English message. */
export type FieldIssue = components['schemas']['FieldIssue'];

export function fieldIssues(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as unknown[]).filter(
    (d): d is FieldIssue =>
      typeof (d as FieldIssue)?.path === 'string' && typeof (d as FieldIssue)?.message === 'string',
  );
}

const CSRF_KEY = 'redress.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of this tab's session (kept in sessionStorage, never in a cookie). */
export const csrf = {
  get: (): string | null => {
    try {
      return sessionStorage.getItem(CSRF_KEY);
    } catch {
      return null;
    }
  },
  set: (token: string | null) => {
    try {
      if (token) sessionStorage.setItem(CSRF_KEY, token);
      else sessionStorage.removeItem(CSRF_KEY);
    } catch {
      /* private mode: the token lives as long as the page */
    }
  },
};

type Listener = () => void;
const expiredListeners = new Set<Listener>();
/** Called when a signed-in request comes back 401: the session has ended. */
export function onSessionExpired(fn: Listener): () => void {
  expiredListeners.add(fn);
  return () => expiredListeners.delete(fn);
}

const middleware: Middleware = {
  onRequest({ request }) {
    const token = csrf.get();
    if (token && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', token);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } = {};
    try {
      body = await response.clone().json();
    } catch {
      /* not JSON: a proxy's page, say */
    }
    const code = typeof body.error?.code === 'string' ? body.error.code : `HTTP.${response.status}`;
    const message =
      typeof body.error?.message === 'string' ? body.error.message : response.statusText;
    const signedInCall = !new URL(request.url).pathname.startsWith('/api/v1/public/');
    if (
      signedInCall &&
      (response.status === 401 || code === 'AUTH.CSRF') &&
      !request.url.endsWith('/auth/login')
    ) {
      for (const fn of expiredListeners) fn();
    }
    throw new ApiError(response.status, code, message, body.error?.details);
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(middleware);

/** The data of a successful call; network failures become ApiError NETWORK. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  let result;
  try {
    result = await pending;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(0, 'NETWORK', (err as Error)?.message ?? 'network error');
  }
  return result.data as T;
}
