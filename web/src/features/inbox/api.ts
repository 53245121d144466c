// The inboxes' calls: their counts (GET /complaints/views?set=inbox — each view's query is the
// API's), and the complaints of one inbox (GET /complaints with that query).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type InboxView = components['schemas']['QueueViews']['items'][number];
export type QueueItem = components['schemas']['QueueItem'];
export const INBOX_TABS = ['approvals', 'escalations', 'decisions', 'flags'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export const isInboxTab = (v: unknown): v is InboxTab => INBOX_TABS.includes(v as InboxTab);

const REFRESH_MS = 30_000;

export function useInboxViews() {
  return useQuery({
    queryKey: ['inbox-views'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/complaints/views', { params: { query: { set: 'inbox' } } })))
        .items,
    refetchInterval: REFRESH_MS,
  });
}

export function useInboxList(view: InboxView | undefined) {
  return useQuery({
    queryKey: ['inbox-list', view?.view, view?.query],
    enabled: Boolean(view),
    queryFn: async () =>
      call(
        api.GET('/api/v1/complaints', {
          params: { query: { ...view!.query, sort: 'next_due', limit: 100 } as never },
        }),
      ),
    refetchInterval: REFRESH_MS,
  });
}

/** After acting from an inbox: its counts, its lists and the complaint are stale. */
export function useInboxRefresh() {
  const client = useQueryClient();
  return (reference: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['inbox-views'] }),
      client.invalidateQueries({ queryKey: ['inbox-list'] }),
      client.invalidateQueries({ queryKey: ['complaint', reference] }),
      client.invalidateQueries({ queryKey: ['inbox-preview', reference] }),
      client.invalidateQueries({ queryKey: ['queue-views'] }),
    ]);
}
