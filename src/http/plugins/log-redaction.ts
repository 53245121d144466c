// What a request leaves in the log: never a tracking token (the `token` query parameter of a
// tracking link) nor any other secret a URL may carry. Headers are not logged at all.
import type { FastifyRequest } from 'fastify';

const SECRET_PARAM = /([?&](?:token|access_token|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAM, '$1[redacted]');
}

export const requestLogSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  host: request.host,
  remoteAddress: request.ip,
});
