// Turns schema failures into one readable line per problem: `path: expected …; got …`.
import type { z } from 'zod';

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

const SECRET_KEY = /password|secret|token/i;

export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatIssuePath(issue.path) || '(top level)';
  // A secret (a password, a token) is never repeated back, whatever is wrong with it.
  const secret = issue.path.some((k) => typeof k === 'string' && SECRET_KEY.test(k));
  const got = 'input' in issue && !secret ? `; got ${show(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_value':
      return `${path}: expected one of ${issue.values.map((v) => String(v)).join(', ')}${got}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `${path}: is required (expected ${issue.expected})`
        : `${path}: expected ${issue.expected}${got}`;
    case 'unrecognized_keys':
      return `${path}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'invalid_union': {
      const first = issue.errors.flat()[0];
      return first
        ? formatIssue({ ...first, path: [...issue.path, ...first.path] })
        : `${path}: ${issue.message}`;
    }
    default:
      return `${path}: ${issue.message}${got}`;
  }
}
