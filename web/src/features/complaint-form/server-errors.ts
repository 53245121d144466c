// The server's refusal of the web form placed on its fields. Apart from validate.ts, which the
// tracking page also loads (through submit.ts), so that it does not carry the translator.
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../api/client.ts';
import { issueText } from '../../lib/field-issues.ts';
import type { FieldId } from './validate.ts';

/** The server's INPUT.INVALID issues placed on the form's fields (body.customer.email → email),
 *  each said in the language shown; `rest` are the ones no field of the form holds. */
const SERVER_PATHS: [RegExp, FieldId][] = [
  [/customer\.name$/, 'name'],
  [/customer\.email$/, 'email'],
  [/customer\.phone$/, 'phone'],
  [/customer\.address/, 'address'],
  [/customer\.preferredContact$/, 'preferredContact'],
  [/customer\.needs$/, 'needs'],
  [/customer$/, 'email'],
  [/subject$/, 'subject'],
  [/description$/, 'description'],
  [/remedySought$/, 'remedy'],
];

export function serverFieldErrors(
  issues: FieldIssue[],
  t: TFunction,
): {
  fields: Partial<Record<FieldId, string>>;
  rest: string[];
} {
  const fields: Partial<Record<FieldId, string>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const hit = SERVER_PATHS.find(([re]) => re.test(issue.path));
    if (hit) fields[hit[1]] ??= issueText(issue, t);
    else rest.push(issue.path);
  }
  return { fields, rest };
}
