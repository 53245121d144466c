// Builds the HTTP application: plugins first (cookies, validation, errors, auth, OpenAPI),
// then one plugin per resource under /api/v1.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { RouteContext, Services } from '../composition.ts';
import { ping } from '../db/queries/health.ts';
import { AppError } from '../app/errors.ts';
import { documentErrors, swaggerOptions } from './openapi.ts';
import { registerAuth } from './plugins/auth.ts';
import { requestLogSerializer } from './plugins/log-redaction.ts';
import { registerErrorHandling, send } from './plugins/errors.ts';
import { routes } from './routes/index.ts';
import { registerWebApp } from './web-app.ts';

/** The services (the composition root builds them once), and whether to log requests. */
export type ServerDeps = Services & { logger?: boolean };

export type App = FastifyInstance;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const now = deps.now;
  const app = Fastify({
    logger: deps.logger
      ? { level: deps.config.logLevel, serializers: { req: requestLogSerializer as never } }
      : false,
    bodyLimit: deps.config.bodyLimitBytes,
    // Only the proxies configured are believed when they name the client (X-Forwarded-For);
    // without any, the TCP peer is the client, whatever headers it sends.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
    ajv: undefined,
    // Errors the router raises before any hook runs (a broken %-escape, an over-long path
    // segment) leave in the same shape as every other error.
    frameworkErrors: (err, _request, reply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void send(
        reply as FastifyReply,
        tooLong ? 'INPUT.PATH_TOO_LONG' : 'INPUT.BAD_URL',
        tooLong ? 'a part of the path is too long' : 'the URL could not be read',
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON bodies must be valid UTF-8: a broken byte is refused, never silently replaced.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (_req, body: Buffer, done) => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return done(new AppError('INPUT.INVALID_UTF8', 'the body is not valid UTF-8'));
      }
      if (text.trim() === '') return done(null, undefined);
      let value: unknown;
      let bad: 'nul' | 'surrogate' | null = null;
      try {
        // PostgreSQL can hold neither U+0000 nor half of a surrogate pair: refuse them here
        // rather than fail at the database. Only \u escapes can put one in a string (the bytes
        // were checked above), so the slower check runs only when there is such an escape.
        const check = (s: string) => {
          if (s.includes('\0')) bad = 'nul';
          else if (LONE_SURROGATE.test(s)) bad = 'surrogate';
        };
        value = /\\u(0000|d[89a-f])/i.test(text)
          ? JSON.parse(text, (key, v: unknown) => {
              check(key);
              if (typeof v === 'string') check(v);
              return v;
            })
          : JSON.parse(text);
      } catch {
        return done(new AppError('INPUT.MALFORMED_JSON', 'the body is not valid JSON'));
      }
      if (bad) {
        return done(
          bad === 'nul'
            ? new AppError('INPUT.NUL_CHARACTER', 'the body contains a NUL character (\\u0000)')
            : new AppError(
                'INPUT.INVALID_UNICODE',
                'the body contains half of a UTF-16 surrogate pair',
              ),
        );
      }
      done(null, value);
    },
  );

  registerErrorHandling(app);
  // Nor can it hold U+0000 in a path segment or query value.
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url)) {
      throw new AppError('INPUT.NUL_CHARACTER', 'the URL contains a NUL character (%00)');
    }
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerAuth(app, deps.db, now);
  // A write that succeeded may have made work due now (a receipt, an email to send): this
  // process's sweep and outbox look at once, after the answer (so after its transaction).
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      deps.work.notify();
    }
  });
  documentErrors(app);
  await app.register(swagger, swaggerOptions);

  const { logger: _logger, ...services } = deps;
  const ctx: RouteContext = services;
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Answers when the server and its database are ready',
        security: [],
        response: { 200: z.object({ status: z.enum(['ok']) }).meta({ id: 'Health' }) },
      },
    },
    async () => {
      await ping(deps.db);
      return { status: 'ok' as const };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const plugin of routes) {
    await app.register(async (instance) => plugin(instance, ctx), { prefix: '/api/v1' });
  }
  await registerWebApp(app, ctx);
  return app;
}
