// The problems INPUT.INVALID lists, one per field: where (path), what (a stable code taken from
// zod's issue codes, plus `required` for a field that is missing) and its parameters (the
// limit, the format, the allowed values), so that a client can say it in its own language.
// `message` is the same problem in English, for people reading the API's answers.
import { z } from 'zod';
import { formatIssue, formatIssuePath } from '../../domain/policy/errors.ts';

export const FIELD_ISSUE_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'custom',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export const fieldIssueSchema = z
  .object({
    path: z.string().describe('where, e.g. body.customer.email'),
    code: z
      .enum(FIELD_ISSUE_CODES)
      .describe(
        "what is wrong, a stable code (zod's issue codes; required: the field is missing); branch on it",
      ),
    message: z.string().describe('the same in English, for people; never branch on it'),
    expected: z
      .string()
      .optional()
      .describe('invalid_type, required: the type expected (string, number, int, object…)'),
    origin: z
      .string()
      .optional()
      .describe(
        'too_small, too_big, invalid_format: what was measured — string (characters), number, int, array (items), date, file (bytes)',
      ),
    minimum: z
      .number()
      .optional()
      .describe('too_small: the limit (for a date, milliseconds since 1970)'),
    maximum: z
      .number()
      .optional()
      .describe('too_big: the limit (for a date, milliseconds since 1970)'),
    inclusive: z.boolean().optional().describe('too_small, too_big: whether the limit is allowed'),
    exact: z.boolean().optional().describe('too_small, too_big: the length must be exactly it'),
    format: z
      .string()
      .optional()
      .describe('invalid_format: email, date, datetime, url, uuid, regex…'),
    values: z
      .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .describe('invalid_value: the values allowed'),
    keys: z.array(z.string()).optional().describe('unrecognized_keys: the keys not expected'),
    divisor: z.number().optional().describe('not_multiple_of: what it must be a multiple of'),
  })
  .meta({ id: 'FieldIssue' });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** One of zod's issues, as fastify-type-provider-zod hands it over (code, path, params…). */
type RawIssue = Record<string, unknown> & { code: string; path: PropertyKey[]; message: string };

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
const primitive = (v: unknown): string | number | boolean | null =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v
    : v === null || v === undefined
      ? null
      : String(v);

/** The parameters a client needs to say the problem, and nothing else (never the input). */
function params(issue: RawIssue): Omit<FieldIssue, 'path' | 'code' | 'message'> {
  const out: Omit<FieldIssue, 'path' | 'code' | 'message'> = {};
  if (typeof issue.expected === 'string') out.expected = issue.expected;
  if (typeof issue.origin === 'string') out.origin = issue.origin;
  const minimum = num(issue.minimum);
  if (minimum !== undefined) out.minimum = minimum;
  const maximum = num(issue.maximum);
  if (maximum !== undefined) out.maximum = maximum;
  if (typeof issue.inclusive === 'boolean') out.inclusive = issue.inclusive;
  if (typeof issue.exact === 'boolean') out.exact = issue.exact;
  if (typeof issue.format === 'string') out.format = issue.format;
  if (Array.isArray(issue.values)) out.values = issue.values.map(primitive);
  if (Array.isArray(issue.keys)) out.keys = issue.keys.map(String);
  const divisor = num(issue.divisor);
  if (divisor !== undefined) out.divisor = divisor;
  return out;
}

const KNOWN = new Set<string>(FIELD_ISSUE_CODES);

/** A zod issue as a field issue. `missing`: nothing was sent at its path. `input`: what was
 *  sent there, for the message of a value of the wrong type. A union's problem is said as its
 *  first option's ("expected a date-time"), so a client can translate that. */
export function fieldIssue(issue: RawIssue, missing: boolean, input?: unknown): FieldIssue {
  const inner = issue.code === 'invalid_union' ? firstOption(issue) : undefined;
  const source = inner ? { ...inner, path: issue.path } : issue;
  const required = source.code === 'invalid_type' && missing;
  const code = required ? 'required' : KNOWN.has(source.code) ? source.code : 'custom';
  // The message repeats what was sent only when it has the wrong type ("expected string; got 5").
  const { input: _ignored, ...bare } = issue;
  const forMessage = issue.code === 'invalid_type' && !missing ? { ...bare, input } : bare;
  return {
    path: formatIssuePath(issue.path),
    code: code as FieldIssueCode,
    message: formatIssue(forMessage as never),
    ...params(source),
  };
}

function firstOption(issue: RawIssue): RawIssue | undefined {
  const errors = issue.errors;
  if (!Array.isArray(errors)) return undefined;
  const first = (errors as unknown[][]).flat()[0] as RawIssue | undefined;
  return first && typeof first.code === 'string' ? first : undefined;
}

/** What was sent at a path (undefined when nothing was). */
export function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let node = source;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
