// Records every error an API route answers with during a test file, to check against the
// OpenAPI document that the route lists that code under that status.
import { routes, type RoutePlugin } from '../../src/http/routes/index.ts';
import { HTTP_METHODS, isObject, type Json } from './openapi-check.ts';

export interface AnsweredError {
  method: string;
  url: string;
  status: number;
  code: string;
}

/** Wraps every resource plugin so that each error it sends is recorded in the list returned. */
export function recordErrors(): AnsweredError[] {
  const seen: AnsweredError[] = [];
  routes.splice(
    0,
    routes.length,
    ...routes.map((plugin): RoutePlugin => async (app, ctx) => {
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
        const url = request.routeOptions.url;
        if (!url) return payload;
        try {
          const code = (JSON.parse(payload) as { error?: { code?: string } }).error?.code;
          if (code) seen.push({ method: request.method, url, status: reply.statusCode, code });
        } catch {
          // not JSON: nothing to record
        }
        return payload;
      });
      await plugin(app, ctx);
    }),
  );
  return seen;
}

/** The errors answered that the document does not list for their operation and status. */
export function undocumented(doc: Json, answered: readonly AnsweredError[]): string[] {
  const out = new Set<string>();
  for (const e of answered) {
    const path = e.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = e.method.toLowerCase();
    const item = (doc.paths as Record<string, Json>)[path];
    if (!item || !HTTP_METHODS.includes(method) || !isObject(item[method])) continue; // hidden
    const res = ((item[method] as Json).responses as Record<string, Json>)[String(e.status)];
    const codes = res ? String(res.description).split(', ') : [];
    if (!codes.includes(e.code)) out.add(`${e.method} ${path} ${e.status} ${e.code}`);
  }
  return [...out].sort();
}
