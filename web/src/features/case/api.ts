// The case workspace's calls, all through the generated client.
import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type Complaint = components['schemas']['Complaint'];
export type Clock = components['schemas']['Clock'];
export type Task = components['schemas']['Task'];
export type ActionName = components['schemas']['ActionName'];
export type ActionPreview = NonNullable<components['schemas']['ActionPreview']['preview']>;
export type PresenceOther = components['schemas']['Presence']['others'][number];
export type Department = components['schemas']['Department'];

export const complaintQuery = (reference: string) =>
  queryOptions({
    queryKey: ['complaint', reference],
    queryFn: () =>
      call(api.GET('/api/v1/complaints/{reference}', { params: { path: { reference } } })),
  });

export const departmentsQuery = () =>
  queryOptions({
    queryKey: ['departments'],
    queryFn: () => call(api.GET('/api/v1/departments')),
    staleTime: 5 * 60_000,
  });

/** One lifecycle action; the body is the action's payload (see ./action-forms.ts). */
export async function takeAction(
  reference: string,
  action: ActionName,
  body: Record<string, unknown>,
): Promise<void> {
  const path = `/api/v1/complaints/{reference}/actions/${action}` as const;
  await call(
    api.POST(path as '/api/v1/complaints/{reference}/actions/acknowledge', {
      params: { path: { reference } },
      body: body as never,
    }),
  );
}

export async function previewAction(
  reference: string,
  action: ActionName,
  body: Record<string, unknown>,
): Promise<ActionPreview | null> {
  const r = await call(
    api.POST('/api/v1/complaints/{reference}/action-previews/{action}', {
      params: { path: { reference, action } },
      body,
    }),
  );
  return r.preview;
}

export async function beat(
  reference: string,
  mode: 'viewing' | 'editing' | 'left',
): Promise<PresenceOther[]> {
  const r = await call(
    api.POST('/api/v1/complaints/{reference}/presence', {
      params: { path: { reference } },
      body: { mode },
    }),
  );
  return r.others;
}

export async function createTask(
  reference: string,
  body: { title: string; departmentId?: string; dueAt?: string; note?: string },
): Promise<void> {
  await call(
    api.POST('/api/v1/complaints/{reference}/tasks', { params: { path: { reference } }, body }),
  );
}

export async function completeTask(id: number, note?: string): Promise<void> {
  await call(
    api.POST('/api/v1/tasks/{id}/done', {
      params: { path: { id } },
      body: note ? { note } : {},
    }),
  );
}

/** The mail this complaint was made from is the claimed complaint's customer's. */
export async function confirmSender(
  reference: string,
  note?: string,
): Promise<components['schemas']['SenderConfirmed']> {
  return call(
    api.POST('/api/v1/complaints/{reference}/sender-confirmation', {
      params: { path: { reference } },
      body: note ? { note } : {},
    }),
  );
}

export async function markPosted(id: number): Promise<void> {
  await call(api.POST('/api/v1/letters/{id}/posted', { params: { path: { id } }, body: {} }));
}

export const attachmentHref = (reference: string, id: number) =>
  `/api/v1/complaints/${encodeURIComponent(reference)}/attachments/${id}`;
export const letterPdfHref = (id: number) => `/api/v1/letters/${id}/pdf`;

export type CustomerMatch = components['schemas']['CustomerMatch'];

export function customerMatchesQuery(reference: string) {
  return {
    queryKey: ['complaint', reference, 'customer-matches'] as const,
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/complaints/{reference}/customer-matches', {
            params: { path: { reference } },
          }),
        )
      ).items,
  };
}

export async function linkCustomer(
  reference: string,
  body: { customerId: string; reason: string },
): Promise<void> {
  await call(
    api.POST('/api/v1/complaints/{reference}/customer-link', {
      params: { path: { reference } },
      body,
    }),
  );
}

/** The customer's tracking link, to give again (permission `tracking.link`). */
export async function fetchTrackingLink(reference: string): Promise<string | null> {
  const r = await call(
    api.GET('/api/v1/complaints/{reference}/tracking-link', { params: { path: { reference } } }),
  );
  return r.trackingUrl;
}
