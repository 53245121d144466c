// Structural checks of an OpenAPI 3.0 document (the subset of JSON Schema it allows, paths,
// parameters, responses), and of the contract Redress promises on top: every operation has a
// named success schema (or a declared binary type), every error response is the shared Error.
export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM_KEYS = new Set([
  ...HTTP_METHODS,
  'summary',
  'description',
  'servers',
  'parameters',
]);
const OPERATION_KEYS = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
]);
/** The Schema Object of OpenAPI 3.0: a subset of JSON Schema plus a few keywords of its own. */
const SCHEMA_KEYS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean']);

/** Every problem of a Schema Object, with where it is. */
export function schemaProblems(s: unknown, where: string, doc: Json): string[] {
  if (!isObject(s)) return [`${where}: a schema must be an object`];
  const out: string[] = [];
  for (const key of Object.keys(s)) {
    if (!SCHEMA_KEYS.has(key) && !key.startsWith('x-')) out.push(`${where}: keyword ${key}`);
  }
  if ('$ref' in s) {
    const target = String(s['$ref'])
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), doc);
    if (target === undefined) out.push(`${where}: $ref ${String(s['$ref'])} resolves to nothing`);
  }
  if ('type' in s && !(typeof s.type === 'string' && TYPES.has(s.type))) {
    out.push(`${where}: type ${JSON.stringify(s.type)}`);
  }
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum', 'nullable']) {
    if (k in s && typeof s[k] !== 'boolean') out.push(`${where}: ${k} must be a boolean`);
  }
  if ('required' in s && !(Array.isArray(s.required) && s.required.length > 0)) {
    out.push(`${where}: required must be a non-empty array`);
  }
  if ('enum' in s && !(Array.isArray(s.enum) && s.enum.length > 0)) {
    out.push(`${where}: enum must be a non-empty array`);
  }
  if (isObject(s.properties)) {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push(...schemaProblems(v, `${where}.properties.${k}`, doc));
    }
  }
  if ('items' in s) out.push(...schemaProblems(s.items, `${where}.items`, doc));
  if (isObject(s.additionalProperties)) {
    out.push(...schemaProblems(s.additionalProperties, `${where}.additionalProperties`, doc));
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (k in s) {
      if (!Array.isArray(s[k])) out.push(`${where}: ${k} must be an array`);
      else
        (s[k] as unknown[]).forEach((x, i) =>
          out.push(...schemaProblems(x, `${where}.${k}[${i}]`, doc)),
        );
    }
  }
  if ('not' in s) out.push(...schemaProblems(s.not, `${where}.not`, doc));
  return out;
}

/** Every problem of the document against the OpenAPI 3.0 structure. */
export function documentProblems(doc: Json): string[] {
  const out: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi)) out.push('openapi');
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    out.push('info needs title and version');
  }
  if (!isObject(doc.paths)) return [...out, 'paths'];
  const schemes = isObject(doc.components) ? doc.components.securitySchemes : undefined;
  const checkSecurity = (sec: unknown, where: string) => {
    if (!Array.isArray(sec)) return out.push(`${where}: security must be an array`);
    for (const req of sec as unknown[]) {
      for (const name of Object.keys(req as Json)) {
        if (!isObject(schemes) || !(name in schemes)) out.push(`${where}: unknown scheme ${name}`);
      }
    }
  };
  if ('security' in doc) checkSecurity(doc.security, 'security');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) out.push(`${path}: a path starts with /`);
    if (!isObject(item)) {
      out.push(`${path}: not an object`);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!PATH_ITEM_KEYS.has(key) && !key.startsWith('x-')) out.push(`${path}: key ${key}`);
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
    for (const method of HTTP_METHODS.filter((m) => m in item)) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        out.push(`${where}: not an object`);
        continue;
      }
      for (const key of Object.keys(op)) {
        if (!OPERATION_KEYS.has(key) && !key.startsWith('x-')) out.push(`${where}: key ${key}`);
      }
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) out.push(`${where}: duplicate operationId`);
        operationIds.add(op.operationId);
      }
      if ('security' in op) checkSecurity(op.security, where);
      const params = (op.parameters ?? []) as Json[];
      const inPath: string[] = [];
      const seen = new Set<string>();
      for (const p of params) {
        const id = `${String(p.in)}:${String(p.name)}`;
        if (seen.has(id)) out.push(`${where}: parameter ${id} twice`);
        seen.add(id);
        if (typeof p.name !== 'string') out.push(`${where}: a parameter without a name`);
        if (!['path', 'query', 'header', 'cookie'].includes(String(p.in))) {
          out.push(`${where}: parameter ${String(p.name)} in ${String(p.in)}`);
        }
        if (p.in === 'path') {
          inPath.push(String(p.name));
          if (p.required !== true)
            out.push(`${where}: path parameter ${String(p.name)} not required`);
        }
        if (!('schema' in p) && !('content' in p))
          out.push(`${where}: ${String(p.name)} has no schema`);
        if ('schema' in p) out.push(...schemaProblems(p.schema, `${where} ${String(p.name)}`, doc));
      }
      if (inPath.sort().join() !== templated.join()) {
        out.push(`${where}: path parameters ${inPath.join()} but template ${templated.join()}`);
      }
      if ('requestBody' in op) {
        const rb = op.requestBody;
        if (!isObject(rb) || !isObject(rb.content) || Object.keys(rb.content).length === 0) {
          out.push(`${where}: requestBody needs content`);
        } else {
          for (const [type, media] of Object.entries(rb.content)) {
            out.push(...schemaProblems((media as Json).schema, `${where} body ${type}`, doc));
          }
        }
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
        out.push(`${where}: no responses`);
        continue;
      }
      for (const [status, res] of Object.entries(op.responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) out.push(`${where}: status ${status}`);
        if (!isObject(res) || typeof res.description !== 'string') {
          out.push(`${where} ${status}: a response needs a description`);
          continue;
        }
        if (isObject(res.content)) {
          for (const [type, media] of Object.entries(res.content)) {
            if (isObject(media) && 'schema' in media) {
              out.push(...schemaProblems(media.schema, `${where} ${status} ${type}`, doc));
            }
          }
        }
      }
    }
  }
  const components = isObject(doc.components) ? doc.components.schemas : undefined;
  if (isObject(components)) {
    for (const [name, schema] of Object.entries(components)) {
      out.push(...schemaProblems(schema, `components.schemas.${name}`, doc));
    }
  }
  return out;
}

const BINARY = { type: 'string', format: 'binary' };
const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** Every operation as [where, operation]. */
export function operations(doc: Json): [string, Json][] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => isObject(item[m])).map((m): [string, Json] => [
      `${m.toUpperCase()} ${path}`,
      item[m] as Json,
    ]),
  );
}

/**
 * Where the document breaks Redress's contract: an operation without a success response that
 * says what it returns (a named JSON component, text, a declared binary type, or 204 with no
 * body); an error response that is not the shared Error; a code listed under the wrong status.
 */
export function contractProblems(doc: Json, statusOf: (code: string) => number | undefined) {
  const out: string[] = [];
  for (const [where, op] of operations(doc)) {
    const responses = (op.responses ?? {}) as Record<string, Json>;
    const success = Object.entries(responses).filter(([status]) => /^2/.test(status));
    if (success.length === 0) out.push(`${where}: no success response`);
    for (const [status, res] of success) {
      const content = res.content as Record<string, Json> | undefined;
      if (status === '204') {
        if (content) out.push(`${where} 204: has a body`);
        continue;
      }
      if (!content || Object.keys(content).length === 0) {
        out.push(`${where} ${status}: no content`);
        continue;
      }
      for (const [type, media] of Object.entries(content)) {
        const schema = media.schema as Json | undefined;
        const ok =
          type === 'application/json'
            ? typeof schema?.$ref === 'string'
            : type === 'text/plain' || type === 'text/csv'
              ? schema?.type === 'string'
              : JSON.stringify(schema) === JSON.stringify(BINARY);
        if (!ok) out.push(`${where} ${status} ${type}: ${JSON.stringify(schema)}`);
      }
    }
    const errors = Object.entries(responses).filter(([status]) => /^[45]/.test(status));
    for (const status of ['400', '500']) {
      if (!(status in responses)) out.push(`${where}: no ${status} response`);
    }
    for (const [status, res] of errors) {
      const content = (res.content ?? {}) as Record<string, Json>;
      if (JSON.stringify(Object.keys(content)) !== '["application/json"]') {
        out.push(`${where} ${status}: an error is JSON`);
      } else if (
        JSON.stringify(content['application/json']!.schema) !== JSON.stringify(ERROR_REF)
      ) {
        out.push(`${where} ${status}: not the Error schema`);
      }
      for (const code of String(res.description).split(', ')) {
        if (statusOf(code) !== Number(status)) out.push(`${where} ${status}: lists ${code}`);
      }
    }
  }
  return out;
}

/** Every $ref in the document that points at nothing. */
export function danglingRefs(doc: Json): string[] {
  const out: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') {
          const target = v
            .replace(/^#\//, '')
            .split('/')
            .reduce<unknown>((n, key) => (isObject(n) ? n[key] : undefined), doc);
          if (target === undefined) out.push(`${where}: ${v}`);
        } else walk(v, `${where}.${k}`);
      }
    }
  };
  walk(doc, '#');
  return out;
}
