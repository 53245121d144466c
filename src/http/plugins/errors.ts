// Every failure leaves as {"error": {"code", "message"[, "details"]}}. Expected failures keep
// their status and code; anything unexpected is a 500 whose details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../app/errors.ts';
import { formatIssue, formatIssuePath } from '../../domain/policy/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INPUT.MALFORMED_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INPUT.EMPTY_BODY', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'INPUT.TOO_LARGE', 'the body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'INPUT.UNSUPPORTED_MEDIA_TYPE',
    'send the body as application/json',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'INPUT.BAD_CONTENT_LENGTH',
    'the Content-Length does not match the body',
  ],
  FST_ERR_CTP_INVALID_TYPE: [400, 'INPUT.MALFORMED', 'the request could not be read'],
  FST_ERR_CTP_INVALID_PARAMS: [400, 'INPUT.MALFORMED', 'the request could not be read'],
};

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
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
      const issues = err.validation.map((v) => {
        const path = v.instancePath
          .split('/')
          .filter(Boolean)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        const issue = {
          ...v.params,
          code: v.keyword,
          path: [err.validationContext ?? 'body', ...path],
          message: v.message,
        };
        return { path: formatIssuePath(issue.path), message: formatIssue(issue as never) };
      });
      return reply
        .code(400)
        .send(
          errorBody(
            'INPUT.INVALID',
            issues.map((i) => i.message).join('; ') || 'invalid request',
            issues,
          ),
        );
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send(errorBody(err.code, err.message, err.details));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.code(known[0]).send(errorBody(known[1], known[2]));
    if (err.statusCode === 429) {
      return reply.code(429).send(errorBody('RATE_LIMITED', 'too many requests; try again later'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody('INPUT.INVALID', err.message));
    }
    request.log.error({ err }, 'unexpected error');
    return reply
      .code(500)
      .send(errorBody('INTERNAL', 'something went wrong on our side; it has been logged'));
  }
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(
        errorBody('ROUTE.NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`),
      );
  });
}
