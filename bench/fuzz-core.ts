// The API fuzzer's engine: reads the OpenAPI document the server publishes and sends requests to
// every operation in it — valid bodies built from each schema and mutated ones (fields dropped,
// wrong types, huge and strange strings, unknown keys, broken JSON, wrong media types), valid and
// mutated path parameters, query strings and headers — as each role and anonymously. It counts
// the answers by status and keeps every 5xx with the request that caused it. Seeded: the same
// seed sends the same requests.
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
};

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; required?: boolean; schema?: Schema }[];
  body: Schema | null;
  multipart: boolean;
}

export interface FuzzContext {
  app: FastifyInstance;
  /** A bearer token per role (the roles of SPEC §1). */
  tokens: Record<string, string>;
  /** Known values for path parameters by name (references, ids), so requests reach real rows. */
  known: Record<string, string[]>;
  /** A tracking token per known reference. */
  trackingTokens: Record<string, string>;
}

export interface FuzzResult {
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  failures: { request: string; status: number; body: string }[];
}

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

const STRANGE_STRINGS = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(5000),
  'x'.repeat(70_000),
  '😀'.repeat(300),
  'Nguyễn Văn Ánh — khiếu nại',
  '<script>alert(1)</script>',
  "'; drop table complaints; --",
  '../../etc/passwd',
  '%00',
  '\u202e\u200b\ufeff',
  '{{tracking_url}}',
  '${jndi:ldap://x}',
  '1e309',
  '-0',
  'null',
  'RD-2026-000001',
  '2026-02-30T25:61:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  'ﬀ'.repeat(100),
];
const STRANGE_NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, 1e308, -1e308, 5, 6];

function resolve(doc: Record<string, unknown>, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 20 && cur.$ref; i++) {
    const parts = cur.$ref.replace(/^#\//, '').split('/');
    let node: unknown = doc;
    for (const p of parts) node = (node as Record<string, unknown>)[p];
    cur = (node as Schema) ?? {};
  }
  return cur;
}

/** A value the schema accepts (as far as a generator can tell). */
function valid(doc: Record<string, unknown>, raw: Schema | undefined, r: Rng, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.const !== undefined) return s.const;
  if (s.enum) return r.pick(s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return valid(doc, r.pick(alts), r, depth + 1);
  if (s.allOf?.length) return valid(doc, s.allOf[0], r, depth + 1);
  const type = Array.isArray(s.type) ? r.pick(s.type.filter((t) => t !== 'null')) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || (depth < 4 && r.chance(0.6)))
          out[k] = valid(doc, v, r, depth + 1);
      }
      return out;
    }
    case 'array':
      return depth > 4
        ? []
        : Array.from({ length: r.int(3) }, () => valid(doc, s.items, r, depth + 1));
    case 'integer': {
      const lo = s.minimum ?? 0;
      const hi = s.maximum ?? lo + 10;
      return lo + r.int(Math.max(1, hi - lo + 1));
    }
    case 'number':
      return (s.minimum ?? 0) + r.next() * 10;
    case 'boolean':
      return r.chance(0.5);
    case 'string': {
      if (s.format === 'date-time') return new Date(Date.now() - r.int(1e10)).toISOString();
      if (s.format === 'date') return `2026-0${1 + r.int(9)}-1${r.int(9)}`;
      if (s.format === 'email') return `fuzz${r.int(1000)}@example.com`;
      if (s.format === 'uri') return 'https://example.com/x';
      const len = Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 20, 1 + r.int(20)));
      return 'fuzz words '.repeat(Math.ceil(len / 11)).slice(0, len);
    }
    default:
      return r.pick([null, 'text', 1, true, {}]);
  }
}

/** Something near the schema, but wrong: the fuzzer's main diet. */
function mutate(value: unknown, r: Rng, depth = 0): unknown {
  if (depth > 6) return value;
  const strange = () =>
    r.pick<unknown>([
      r.pick(STRANGE_STRINGS),
      r.pick(STRANGE_NUMBERS),
      null,
      true,
      [],
      {},
      [r.pick(STRANGE_STRINGS)],
      { nested: { deeper: [1, { x: 'y' }] } },
    ]);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(obj);
    switch (r.int(5)) {
      case 0:
        if (keys.length) delete obj[r.pick(keys)];
        return obj;
      case 1:
        obj[r.pick(['__proto__', 'constructor', 'status', 'id', 'zzz', ''])] = strange();
        return obj;
      case 2:
        if (keys.length) obj[r.pick(keys)] = strange();
        return obj;
      default:
        if (keys.length) {
          const k = r.pick(keys);
          obj[k] = mutate(obj[k], r, depth + 1);
        }
        return obj;
    }
  }
  if (Array.isArray(value)) {
    if (r.chance(0.3)) return Array.from({ length: 200 }, () => value[0] ?? 'x');
    return value.map((v) => (r.chance(0.5) ? mutate(v, r, depth + 1) : v));
  }
  return strange();
}

function operations(doc: Record<string, unknown>): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, unknown>)) {
    for (const [method, raw] of Object.entries(
      methods as Record<string, Record<string, unknown>>,
    )) {
      const content = (raw.requestBody as { content?: Record<string, { schema?: Schema }> })
        ?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (raw.parameters as Operation['params']) ?? [],
        body: content?.['application/json']?.schema ?? null,
        multipart: !!content?.['multipart/form-data'] || path.endsWith('/attachments'),
      });
    }
  }
  return ops;
}

function pathValue(ctx: FuzzContext, name: string, r: Rng): string {
  const known = ctx.known[name];
  if (known?.length && r.chance(0.7)) return known[r.int(known.length)]!;
  return r.pick([
    'RD-2026-999999',
    'nope',
    '0',
    '-1',
    '99999999999999999999999',
    'a'.repeat(99),
    'Nguyễn',
    '%E2%80%AE',
    '..%2F..',
    '%20',
    '1.5',
    'null',
  ]);
}

function encodeQuery(q: Record<string, unknown>): string {
  const parts = Object.entries(q).map(
    ([k, v]) =>
      `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Sends `requests` requests spread over every operation of the document. */
export async function fuzz(
  ctx: FuzzContext,
  opts: { requests: number; seed?: number; onProgress?: (done: number) => void },
): Promise<FuzzResult> {
  const r = rng(opts.seed ?? 1);
  const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as Record<
    string,
    unknown
  >;
  const ops = operations(doc);
  const roles = [...Object.keys(ctx.tokens), 'anonymous'];
  const byStatus: Record<string, number> = {};
  const failures: FuzzResult['failures'] = [];
  for (let n = 0; n < opts.requests; n++) {
    const op = ops[n % ops.length]!;
    let reference: string | undefined;
    const url =
      op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const v = pathValue(ctx, name, r);
        if (name === 'reference') reference = v;
        return r.chance(0.9) ? encodeURIComponent(v) : v;
      }) +
      encodeQuery(
        Object.fromEntries(
          op.params
            .filter((p) => p.in === 'query' && (p.required || r.chance(0.5)))
            .map((p) => [
              p.name,
              r.chance(0.7) ? valid(doc, p.schema, r) : r.pick(STRANGE_STRINGS),
            ]),
        ),
      ) +
      (r.chance(0.05) ? `${op.path.includes('?') ? '&' : '?'}unknown=1` : '');
    const role = r.pick(roles);
    const headers: Record<string, string> = {};
    if (role !== 'anonymous') headers.authorization = `Bearer ${ctx.tokens[role]}`;
    if (r.chance(0.05))
      headers.authorization = r.pick([
        'Bearer',
        'Basic abc',
        'Bearer x y',
        `Bearer ${'z'.repeat(3000)}`,
      ]);
    if (reference && ctx.trackingTokens[reference] && r.chance(0.7))
      headers['x-tracking-token'] = ctx.trackingTokens[reference]!;
    else if (r.chance(0.1))
      headers['x-tracking-token'] = r.pick(STRANGE_STRINGS).slice(0, 300) || 'x';
    if (op.method === 'POST' && r.chance(0.3)) headers['idempotency-key'] = `fuzz-${r.int(50)}`;
    if (r.chance(0.05)) headers['accept'] = r.pick(['text/csv', 'application/pdf', '*/*', 'x/y']);
    if (r.chance(0.03)) headers['x-csrf-token'] = 'forged';
    let payload: string | Buffer | undefined;
    if (op.method !== 'GET') {
      const shape = r.int(10);
      const body = op.body ? valid(doc, op.body, r) : {};
      if (op.multipart && shape < 4) {
        const boundary = `fuzz${r.int(1e6)}`;
        headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
        const content = r.pick(['%PDF-1.4 hello', 'MZ\x90\x00', 'plain words', '', '\x89PNG\r\n']);
        payload =
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${r.pick(['a.pdf', '../../x.exe', 'ü.txt', ''])}"\r\n` +
          `Content-Type: ${r.pick(['application/pdf', 'text/plain', 'image/png'])}\r\n\r\n${content}\r\n` +
          (r.chance(0.5) ? `--${boundary}--\r\n` : '');
      } else if (shape === 4) {
        headers['content-type'] = 'application/json';
        payload = r.pick(['{', '[]', '"x"', 'null', '{"a":', '\u0000', '{"a":"\\ud800"}', '1']);
      } else if (shape === 5) {
        headers['content-type'] = r.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
        ]);
        payload = 'a=1&b=2';
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(shape < 8 ? mutate(body, r) : body);
      }
    }
    const res = await ctx.app.inject({
      method: op.method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
      remoteAddress: `10.${r.int(250)}.${r.int(250)}.${1 + r.int(250)}`,
    });
    const key = String(res.statusCode);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
    if (res.statusCode >= 500) {
      failures.push({
        request: `${op.method} ${url} as ${role} ${typeof payload === 'string' ? payload.slice(0, 300) : ''}`,
        status: res.statusCode,
        body: res.body.slice(0, 300),
      });
    }
    if (opts.onProgress && (n + 1) % 1000 === 0) opts.onProgress(n + 1);
  }
  return { requests: opts.requests, operations: ops.length, byStatus, failures };
}

/** Real rows for the fuzzer to reach: complaints (with tracking tokens), users, policies, years. */
export async function seedFuzzTarget(
  app: FastifyInstance,
  tokens: Record<string, string>,
): Promise<Omit<FuzzContext, 'app' | 'tokens'>> {
  const staff = { authorization: `Bearer ${tokens.handler}` };
  const body = (i: number) => ({
    policy: i === 1 ? 'vn-datacentre' : 'uk-comms-ombudsman',
    channel: i === 1 ? 'phone' : 'email',
    customer: { name: `Fuzz Customer ${i}`, email: `fuzz${i}@example.com` },
    subject: `Fuzz complaint ${i}`,
    description: 'Seeded for the fuzzer.',
  });
  const references: string[] = [];
  const trackingTokens: Record<string, string> = {};
  for (let i = 0; i < 4; i++) {
    const r = await app.inject({
      method: 'POST',
      url: i < 2 ? '/api/v1/complaints' : '/api/v1/public/complaints',
      headers: i < 2 ? staff : {},
      payload: body(i),
      remoteAddress: `192.0.2.${i + 1}`,
    });
    if (r.statusCode !== 201) throw new Error(`seeding failed: ${r.statusCode} ${r.body}`);
    const created = r.json() as { reference: string; trackingToken?: string };
    references.push(created.reference);
    if (created.trackingToken) trackingTokens[created.reference] = created.trackingToken;
  }
  const admin = { authorization: `Bearer ${tokens.administrator}` };
  const users = (await app.inject({ url: '/api/v1/users', headers: admin })).json() as {
    items: { id: string }[];
  };
  const policies = (await app.inject({ url: '/api/v1/policies', headers: admin })).json() as {
    items: { id: string }[];
  };
  return {
    known: {
      reference: references,
      id: [
        ...users.items.map((u) => u.id),
        ...policies.items.map((p) => p.id),
        '1',
        '2',
        'billing',
      ],
      year: ['2026', '2027', '1999', '3000'],
      kind: ['acknowledgement', 'final_response', 'nope'],
      lang: ['en', 'vi', 'xx'],
      tokenId: ['1', 'x'],
    },
    trackingTokens,
  };
}

/** The counts as one line per status, for people. */
export function formatCounts(result: FuzzResult): string {
  return Object.entries(result.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `  ${status}: ${n}`)
    .join('\n');
}
