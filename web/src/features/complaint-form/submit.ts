// Sends the web form: the complaint first, then each file to it through the tracking link.
import { api, call, ApiError } from '../../api/client.ts';
import type { ComplaintReceipt, NewPublicComplaint } from '../../api/types.ts';
import type { Language } from '../../i18n/index.ts';
import { addressLines, type ComplaintDraft } from './validate.ts';

const orUndefined = (s: string) => (s.trim() ? s.trim() : undefined);

export function complaintBody(
  policy: string,
  d: ComplaintDraft,
  language: Language,
): NewPublicComplaint {
  const address = addressLines(d.address);
  return {
    policy,
    customer: {
      name: d.name.trim(),
      email: orUndefined(d.email),
      phone: orUndefined(d.phone),
      address: address.length ? address : undefined,
      preferredContact: d.preferredContact || undefined,
      language,
      needs: orUndefined(d.needs),
    },
    subject: d.subject.trim(),
    description: d.description.trim(),
    remedySought: orUndefined(d.remedy),
  } as NewPublicComplaint;
}

export async function sendComplaint(body: NewPublicComplaint): Promise<ComplaintReceipt> {
  return call(api.POST('/api/v1/public/complaints', { body }));
}

export async function uploadFile(reference: string, token: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  await call(
    api.POST('/api/v1/public/complaints/{reference}/attachments', {
      params: { path: { reference } },
      headers: { 'x-tracking-token': token },
      body: form as never,
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

export { ApiError };
