// An API refusal as errors beside fields: INPUT.INVALID lists each field's problem by path, said
// here from its code in the language shown; some codes belong to one field (USER.ALREADY_EXISTS
// → email). Anything else is for the form.
import type { TFunction } from 'i18next';
import { ApiError, fieldIssues } from '../../api/client.ts';
import { errorText } from '../../lib/errors.ts';
import { issuesByField } from '../../lib/field-issues.ts';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function formErrors(
  err: unknown,
  t: TFunction,
  codeFields: Record<string, string> = {},
): FormErrors {
  const issues = fieldIssues(err);
  if (issues.length) return { fields: issuesByField(issues, t).fields, form: null };
  if (err instanceof ApiError && codeFields[err.code])
    return { fields: { [codeFields[err.code]!]: errorText(err, t) }, form: null };
  return { fields: {}, form: errorText(err, t) };
}
