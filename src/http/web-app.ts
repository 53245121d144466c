// The web app (web/, built into web/dist) served beside the API. The server never imports the
// app's code: it reads the built files. Hashed assets under /assets/ are cached for a year and
// sent pre-compressed (.br/.gz written after `vite build`); index.html is never cached and
// carries the settings the app needs (default policy, upload limit, each policy's public facts).
// Any other GET for a page — no file extension, outside /api/, /healthz and /assets/ — gets
// index.html, so /queue or /track/… open in the app; missing assets and API paths stay 404.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPolicies, versionInForce } from '../app/policies/list-policies.ts';
import type { PolicyRegistry } from '../app/policy-registry.ts';
import type { Config } from '../config.ts';
import { VISITOR } from '../domain/complaint/snapshot.ts';

export const WEB_DIST = resolve(import.meta.dirname, '..', '..', 'web', 'dist');

/** How many files the web form lets a customer attach (one upload request each). */
const MAX_FILES = 10;

const NOT_APP = /^\/(api|healthz|assets)(\/|$)/;

// Tracking links carry their secret in the URL: never send it on as a Referer.
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

export interface WebAppDeps {
  config: Config;
  policies: PolicyRegistry;
  now: () => Date;
  /** The built app; tests point it elsewhere. */
  distDir?: string;
}

/** What the app reads from index.html (web/src/app/settings.ts). */
export function webSettings(deps: WebAppDeps) {
  const summaries = listPolicies(deps, VISITOR);
  const policies = summaries.flatMap((s) => {
    const p = versionInForce(deps.policies, s.id, deps.now());
    return p ? [{ id: p.id, name: p.name, timezone: p.timezone, languages: p.languages }] : [];
  });
  return {
    defaultPolicy: deps.config.defaultPolicy ?? policies[0]?.id ?? null,
    maxUploadBytes: deps.config.maxUploadBytes,
    maxFiles: MAX_FILES,
    policies,
  };
}

/** True for a request the app should answer with its page. */
export function isAppPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  if (NOT_APP.test(path)) return false;
  if (/\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '')) return false;
  const accept = request.headers.accept;
  return !accept || /text\/html|\*\/\*/.test(accept);
}

export async function registerWebApp(app: FastifyInstance, deps: WebAppDeps): Promise<void> {
  const dist = deps.distDir ?? WEB_DIST;
  const indexFile = join(dist, 'index.html');
  const built = existsSync(indexFile);
  const template = built ? readFileSync(indexFile, 'utf8') : null;

  const sendPage = (reply: FastifyReply) => {
    if (!template) {
      return reply
        .code(503)
        .headers({ ...PAGE_HEADERS })
        .send(
          '<!doctype html><html lang="en"><meta charset="utf-8"><title>Redress</title>' +
            '<h1>The web app is not built</h1><p>Run <code>npm run build:web</code> and restart. ' +
            'The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></html>',
        );
    }
    // `<` escaped so no value can close the script element.
    const json = JSON.stringify(webSettings(deps)).replace(/</g, '\\u003c');
    const html = template.replace(
      /(<script type="application\/json" id="redress-settings">)[^<]*(<\/script>)/,
      (_m, open: string, close: string) => `${open}${json}${close}`,
    );
    return reply.headers({ ...PAGE_HEADERS }).send(html);
  };

  if (built) {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      preCompressed: true,
      maxAge: '365d',
      immutable: true,
      index: false,
      decorateReply: false,
    });
  }

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendPage(reply));
  // The fallback answers requests the router found no route for (not a wildcard route, which
  // would also catch /api/… paths the router refuses for other reasons, e.g. too long a segment).
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 && request.method === 'GET' && isAppPage(request)) return sendPage(reply);
  });
}
