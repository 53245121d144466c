// The OpenAPI document: built by @fastify/swagger from the routes' zod schemas, with every
// schema that has an id (`.meta({ id })`) as a named component, and the error catalogue.
import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../app/errors.ts';
import { PERMISSIONS } from '../domain/access/permissions.ts';
import { errorSchema } from './plugins/errors.ts';
import { policyDocumentJsonSchema } from './presenters/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The codes this route itself may answer with, beyond those every route may. */
    errors?: readonly ErrorCode[];
  }
}

type Json = Record<string, unknown>;

/** The names of the components a part of the document refers to. */
function refsIn(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const x of node) refsIn(x, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v.replace('#/components/schemas/', ''));
      else refsIn(v, out);
    }
  }
  return out;
}

/** Keeps the components the operations reach (the zod registry also yields an input and an
 *  output variant of every named schema; only the ones used belong in the document). */
function reachable(doc: Json): Json {
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const keep = refsIn(doc.paths, new Set<string>());
  const queue = [...keep];
  while (queue.length) {
    for (const name of refsIn(schemas[queue.pop()!], new Set())) {
      if (keep.has(name)) continue;
      keep.add(name);
      queue.push(name);
    }
  }
  const kept = Object.fromEntries(
    Object.keys(schemas)
      .filter((name) => keep.has(name))
      .sort()
      .map((name) => [name, schemas[name]]),
  );
  return { ...doc, components: { ...components, schemas: kept } };
}

export const swaggerOptions: SwaggerOptions = {
  openapi: {
    info: {
      title: 'Redress API',
      version: '1.0.0',
      description: [
        'Complaints handled under a published procedure, with proof.',
        '',
        'Every error is `{"error": {"code", "message", "details"?}}`; the code decides the',
        'status. `x-error-codes` lists each code with its status and meaning.',
      ].join('\n'),
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'redress_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  },
  transform: jsonSchemaTransform,
  transformObject: (documentObject) => {
    const doc = reachable(jsonSchemaTransformObject(documentObject) as Json);
    const components = doc.components as { schemas: Record<string, unknown> };
    if (components.schemas.Policy) components.schemas.Policy = policyDocumentJsonSchema();
    return { ...doc, 'x-error-codes': ERROR_CATALOGUE } as never;
  },
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The codes any API route may answer with, given who may call it and how. */
function commonErrors(route: RouteOptions): ErrorCode[] {
  if (!route.url.startsWith('/api/v1')) return ['INPUT.NUL_CHARACTER', 'INTERNAL'];
  const codes: ErrorCode[] = ['INPUT.INVALID', 'INPUT.NUL_CHARACTER'];
  const methods = [route.method].flat();
  if (methods.some((m) => UNSAFE.has(m)) && route.schema?.body) {
    codes.push(
      'INPUT.MALFORMED_JSON',
      'INPUT.EMPTY_BODY',
      'INPUT.INVALID_UTF8',
      'INPUT.INVALID_UNICODE',
      'INPUT.BAD_CONTENT_LENGTH',
      'INPUT.TOO_LARGE',
      'INPUT.UNSUPPORTED_MEDIA_TYPE',
    );
  }
  codes.push('AUTH.BAD_HEADER', 'AUTH.INVALID_TOKEN');
  const permission = route.config?.permission;
  const access = permission ? PERMISSIONS[permission] : 'public';
  if (access !== 'public') codes.push('AUTH.REQUIRED');
  if (Array.isArray(access)) codes.push('AUTH.FORBIDDEN');
  if (methods.some((m) => UNSAFE.has(m))) codes.push('AUTH.CSRF');
  if (route.config?.rateLimit) codes.push('RATE_LIMITED');
  codes.push('INTERNAL');
  return codes;
}

/** One response per error status, the shared Error schema, naming the codes it may carry. */
export function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_CATALOGUE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.join(', '),
        content: { 'application/json': { schema: errorSchema } },
      },
    ]),
  );
}

/** Adds to every API route its error responses (serialised through the Error schema too). */
export function documentErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const own = route.config?.errors ?? [];
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    route.schema.response = { ...errorResponses([...own, ...commonErrors(route)]), ...response };
    // Who may call it, for people reading the document (the web app asks /auth/session).
    const permission = route.config?.permission;
    if (permission) {
      const access = PERMISSIONS[permission];
      Object.assign(route.schema, {
        'x-permission': permission,
        'x-roles': access,
        ...(access === 'public' ? { security: [] } : {}),
      });
    }
  });
}
