// The web form's checks, the same as the server's schema (src/app/complaints/schemas.ts), so
// that a person sees every problem in words beside its field before anything is sent.
import type { TFunction } from 'i18next';
import type { FormProblem } from '../../components/form-problem.ts';

export type ContactMethod = 'email' | 'phone' | 'post' | 'portal';

export interface ComplaintDraft {
  name: string;
  email: string;
  phone: string;
  address: string;
  preferredContact: ContactMethod | '';
  subject: string;
  description: string;
  remedy: string;
  needs: string;
}

export const EMPTY_DRAFT: ComplaintDraft = {
  name: '',
  email: '',
  phone: '',
  address: '',
  preferredContact: '',
  subject: '',
  description: '',
  remedy: '',
  needs: '',
};

/** The field ids of the form, in the order they appear (the error summary follows it). */
export const FIELD_ORDER = [
  'name',
  'email',
  'phone',
  'preferredContact',
  'address',
  'subject',
  'description',
  'remedy',
  'needs',
] as const;
export type FieldId = (typeof FIELD_ORDER)[number];

const MAX: Partial<Record<FieldId, number>> = {
  name: 200,
  email: 254,
  phone: 50,
  subject: 300,
  description: 20_000,
  remedy: 5000,
  needs: 2000,
};

// The email check zod's z.email() makes, near enough for a person typing.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const addressLines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function validateComplaint(
  d: ComplaintDraft,
  t: TFunction,
): Partial<Record<FieldId, string>> {
  const errors: Partial<Record<FieldId, string>> = {};
  const label = (f: FieldId) => t(`complain.${f === 'remedy' ? 'remedy' : f}`).toLowerCase();
  if (!d.name.trim()) errors.name = t('field.invalidRequired', { field: label('name') });
  if (d.email.trim() && !EMAIL.test(d.email.trim())) errors.email = t('field.invalidEmail');
  if (!d.email.trim() && !d.phone.trim() && addressLines(d.address).length === 0)
    errors.email = t('complain.contactRequired');
  if (d.preferredContact === 'email' && !d.email.trim())
    errors.email ??= t('complain.preferredNeedsEmail');
  if (d.preferredContact === 'phone' && !d.phone.trim())
    errors.phone = t('complain.preferredNeedsPhone');
  if (d.preferredContact === 'post' && addressLines(d.address).length === 0)
    errors.address = t('complain.preferredNeedsAddress');
  if (!d.subject.trim()) errors.subject = t('field.invalidRequired', { field: label('subject') });
  if (!d.description.trim())
    errors.description = t('field.invalidRequired', { field: label('description') });
  for (const [field, max] of Object.entries(MAX) as [FieldId, number][]) {
    if (!errors[field] && d[field].trim().length > max)
      errors[field] = t('field.tooLong', { field: t(`complain.${field}`), max });
  }
  return errors;
}

export function problemsOf(errors: Partial<Record<FieldId, string>>): FormProblem[] {
  return FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f]! }));
}
