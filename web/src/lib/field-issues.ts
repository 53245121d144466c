// A field's problem as the server found it (INPUT.INVALID's details), said in the person's
// language from its code and parameters — "Tối đa 300 ký tự" — and not in the server's English.
// The strings (fieldIssue.*) are in the parts of the forms that show them (staff, complain),
// never in the tracking page's. Only a code this app does not know falls back to the message.
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../api/client.ts';
import { currentLanguage, type Language } from '../i18n/index.ts';
import { LOCALES, numberFormat } from '../i18n/format.ts';

/** The key (under fieldIssue.) and values that say the issue, or null for an unknown code. */
export function issueKey(issue: FieldIssue): [string, Record<string, number>?] | null {
  const min = issue.minimum ?? 0;
  const max = issue.maximum ?? 0;
  const measured = issue.origin ?? 'string';
  switch (issue.code) {
    case 'required':
      return ['required'];
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint'
        ? ['number']
        : ['invalid'];
    case 'too_small':
      if (measured === 'string')
        return min <= 1 && !issue.exact
          ? ['required']
          : [issue.exact ? 'length' : 'tooShort', { n: min }];
      if (measured === 'array' || measured === 'set') return ['tooFew', { n: min }];
      if (measured === 'date') return ['dateTooEarly', { date: min }];
      if (measured === 'file') return ['fileTooSmall', { n: min }];
      return [issue.inclusive === false ? 'above' : 'atLeast', { n: min }];
    case 'too_big':
      if (measured === 'string') return [issue.exact ? 'length' : 'tooLong', { n: max }];
      if (measured === 'array' || measured === 'set') return ['tooMany', { n: max }];
      if (measured === 'date') return ['dateTooLate', { date: max }];
      if (measured === 'file') return ['fileTooLarge', { n: max }];
      return [issue.inclusive === false ? 'below' : 'atMost', { n: max }];
    case 'invalid_format':
      return [FORMATS[issue.format ?? ''] ?? 'format'];
    case 'invalid_value':
      return ['oneOf'];
    case 'not_multiple_of':
      return ['multipleOf', { n: issue.divisor ?? 1 }];
    case 'unrecognized_keys':
      return ['unexpected'];
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return ['invalid'];
    default:
      return null;
  }
}

const FORMATS: Record<string, string> = {
  email: 'email',
  date: 'date',
  datetime: 'dateTime',
  time: 'time',
  url: 'url',
};

/** The server's message without its "body.customer.email: " prefix. */
const bare = (message: string) => message.replace(/^[\w.[\]]*:\s*/, '');

/** The issue in the language shown (numbers and dates as that language writes them). */
export function issueText(issue: FieldIssue, t: TFunction, lng: Language = currentLanguage()) {
  const found = issueKey(issue);
  if (!found) return bare(issue.message);
  const [key, values = {}] = found;
  const locale = LOCALES[lng];
  const shown = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      k === 'date'
        ? new Date(v).toLocaleDateString(locale, {
            dateStyle: 'long',
          } as Intl.DateTimeFormatOptions)
        : numberFormat(locale).format(v),
    ]),
  );
  const text = t(`fieldIssue.${key}`, shown);
  // Strings not loaded on this page (a slip): the server's words rather than a key.
  return text === `fieldIssue.${key}` ? bare(issue.message) : text;
}

/** The last key of a path: body.customer.email → email, body.lines[2] → lines. */
export const lastKey = (path: string) =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() ?? path;

/** A refusal's field problems by the form's field names (the last key of each path, or as
 *  `fieldOf` names it; undefined: no field of the form holds it), the first for each field. */
export function issuesByField(
  issues: readonly FieldIssue[],
  t: TFunction,
  fieldOf: (path: string) => string | undefined = lastKey,
): { fields: Record<string, string>; unplaced: number } {
  const fields: Record<string, string> = {};
  let unplaced = 0;
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) fields[field] ??= issueText(issue, t);
    else unplaced++;
  }
  return { fields, unplaced };
}
