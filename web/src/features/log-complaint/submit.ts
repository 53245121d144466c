// Logging a complaint taken by phone, by post or in person: the staff create route (with an
// Idempotency-Key, so a retried click never logs it twice), then the scan of a letter, then —
// when it was settled during the contact — the first-contact resolution with its result.
import { api, call } from '../../api/client.ts';
import type { paths } from '../../api/schema.js';

export type NewStaffComplaint = NonNullable<
  paths['/api/v1/complaints']['post']['requestBody']
>['content']['application/json'];

export const LOG_CHANNELS = ['phone', 'post', 'in_person'] as const;
export type LogChannel = (typeof LOG_CHANNELS)[number];

export interface LogDraft {
  channel: LogChannel;
  policy: string;
  /** datetime-local value (phone, in person). */
  receivedAt: string;
  /** date value (post). */
  arrivedOn: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  language: 'en' | 'vi';
  preferredContact: '' | 'email' | 'post' | 'phone';
  subject: string;
  description: string;
  remedy: string;
  category: string;
  firstContact: boolean;
  resolution: string;
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** When it was received, as an instant: a letter on the day it arrived (now if today, else
 *  09:00 that day), a call or visit at the time entered. */
export function receivedInstant(d: LogDraft, now = new Date()): string {
  if (d.channel === 'post') {
    const [y, m, day] = d.arrivedOn.split('-').map(Number);
    const at = new Date(y!, m! - 1, day!, 9, 0);
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return (at.getTime() >= today.getTime() ? now : at).toISOString();
  }
  const at = new Date(d.receivedAt);
  return (at.getTime() > now.getTime() ? now : at).toISOString();
}

export function toBody(d: LogDraft, now = new Date()): NewStaffComplaint {
  const address = d.address
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    policy: d.policy,
    channel: d.channel,
    receivedAt: receivedInstant(d, now),
    customer: {
      name: d.name.trim(),
      email: opt(d.email),
      phone: opt(d.phone),
      ...(address.length ? { address } : {}),
      language: d.language,
      ...(d.preferredContact ? { preferredContact: d.preferredContact } : {}),
    },
    subject: d.subject.trim(),
    description: d.description.trim(),
    remedySought: opt(d.remedy),
    category: opt(d.category),
  } as NewStaffComplaint;
}

export async function logComplaint(body: NewStaffComplaint, idempotencyKey: string) {
  return call(
    api.POST('/api/v1/complaints', {
      body,
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );
}

export async function attachScan(reference: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  await call(
    api.POST('/api/v1/complaints/{reference}/attachments', {
      params: { path: { reference } },
      body: form as never,
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

export async function resolveOnFirstContact(reference: string, resolution: string) {
  await call(
    api.POST('/api/v1/complaints/{reference}/actions/resolve-on-first-contact', {
      params: { path: { reference } },
      body: { outcome: 'resolved_on_first_contact', resolution: resolution.trim() },
    }),
  );
}
