// Every failure leaves as {"error": {"code", "message"[, "details"]}}. Expected failures keep
// their status and code; anything unexpected is a 500 whose details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from '../../app/errors.ts';
import { fieldIssue, fieldIssueSchema, valueAt } from './field-issues.ts';

export const errorCodeSchema = z
  .enum(ERROR_CODES)
  .meta({ id: 'ErrorCode', description: 'a stable code; see x-error-codes for each one' });

/** The body of every error response. */
export const errorSchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      message: z.string().describe('for people; branch on the code, never on this'),
      details: z
        .union([z.array(fieldIssueSchema), z.record(z.string(), z.unknown())])
        .optional()
        .describe(
          "the code's particulars: for INPUT.INVALID the problem with each field; else an object",
        ),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorSchema>;

// Fastify's own refusals of a body, by its error code.
const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['INPUT.MALFORMED_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['INPUT.EMPTY_BODY', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['INPUT.TOO_LARGE', 'the body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'INPUT.UNSUPPORTED_MEDIA_TYPE',
    'send the body as application/json',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    'INPUT.BAD_CONTENT_LENGTH',
    'the Content-Length does not match the body',
  ],
  FST_ERR_CTP_INVALID_TYPE: ['INPUT.MALFORMED', 'the request could not be read'],
  FST_ERR_CTP_INVALID_PARAMS: ['INPUT.MALFORMED', 'the request could not be read'],
};

/** Any other refusal by a plugin, by its status (the catalogue gives each code one status). */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  413: 'INPUT.TOO_LARGE',
  415: 'INPUT.UNSUPPORTED_MEDIA_TYPE',
};

/** What the request sent in each part zod validates, to tell a missing field from a wrong one. */
const SENT: Record<string, (request: FastifyRequest) => unknown> = {
  body: (r) => r.body,
  querystring: (r) => r.query,
  params: (r) => r.params,
  headers: (r) => r.headers,
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  if (details === undefined) return { error: { code, message } };
  return { error: { code, message, details: details as ErrorBody['error']['details'] } };
}

/** Sends an error with the status the catalogue gives its code. */
export function send(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.code(ERROR_CATALOGUE[code].status).send(errorBody(code, message, details));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    try {
      return handle(err, request, reply);
    } catch (failure) {
      request.log.error({ err, failure }, 'the error handler failed');
      return reply
        .code(500)
        .send(errorBody('INTERNAL', 'something went wrong on our side; it has been logged'));
    }
  });
  function handle(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext ?? 'body';
      const sent = SENT[context]?.(request);
      const issues = err.validation.map((v) => {
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        const input = valueAt(sent, path);
        return fieldIssue(
          { ...v.params, code: v.keyword, path: [context, ...path], message: v.message ?? '' },
          input === undefined,
          input,
        );
      });
      return send(
        reply,
        'INPUT.INVALID',
        issues.map((i) => i.message).join('; ') || 'invalid request',
        issues,
      );
    }
    if (err instanceof AppError) {
      const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retry === 'number') void reply.header('retry-after', String(retry));
      return send(reply, err.code, err.message, err.details);
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, known[0], known[1]);
    if (err.statusCode === 429) {
      return send(reply, 'RATE_LIMITED', 'too many requests; try again later');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      request.log.warn({ err }, 'a plugin refused the request');
      return send(reply, CODE_OF_STATUS[err.statusCode] ?? 'INPUT.MALFORMED', err.message);
    }
    request.log.error({ err }, 'unexpected error');
    return send(reply, 'INTERNAL', 'something went wrong on our side; it has been logged');
  }
  app.setNotFoundHandler((request, reply) => {
    void send(reply, 'ROUTE.NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`);
  });
}
