// The queue's calls: a page of complaints (refreshed every 30 seconds), the saved views with
// their counts, whom to assign to, the departments, and the bulk changes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, csrf } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type QueueItem = components['schemas']['QueueItem'];
export type QueueClock = components['schemas']['QueueClock'];
export type QueuePage = components['schemas']['QueuePage'];
export type QueueView = components['schemas']['QueueViews']['items'][number];
export type BulkResult = components['schemas']['BulkResult'];

export const REFRESH_MS = 30_000;
export const PAGE_SIZE = 25;

const fetchPage = (query: Record<string, string>, cursor: string | null) =>
  call<QueuePage>(
    api.GET('/api/v1/complaints', {
      params: { query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } as never },
    }),
  );

/** The first page, asked for as soon as the route's code runs — alongside its strings and the
 *  session rather than after them — and handed to the first render that wants it. */
let early: { key: string; page: Promise<QueuePage> } | null = null;
export function prefetchFirstPage(query: Record<string, string>): void {
  if (!csrf.get()) return; // signed out: the page will send them to sign in
  early = { key: JSON.stringify(query), page: fetchPage(query, null) };
  early.page.catch(() => {}); // a failure is the query's to report when it asks
}

export function useQueuePage(query: Record<string, string>, cursor: string | null) {
  return useQuery({
    queryKey: ['queue', query, cursor],
    queryFn: () => {
      if (!cursor && early?.key === JSON.stringify(query)) {
        const { page } = early;
        early = null;
        return page;
      }
      return fetchPage(query, cursor);
    },
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useQueueViews() {
  return useQuery({
    queryKey: ['queue-views'],
    queryFn: async () =>
      (await call<{ items: QueueView[] }>(api.GET('/api/v1/complaints/views'))).items,
    refetchInterval: REFRESH_MS,
  });
}

export function useAssignees() {
  return useQuery({
    queryKey: ['assignees'],
    queryFn: async () => (await call(api.GET('/api/v1/assignees'))).items,
    staleTime: 5 * 60_000,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: async () => (await call(api.GET('/api/v1/departments'))).items,
    staleTime: 5 * 60_000,
  });
}

export type Selection = { references: string[] } | { filter: Record<string, string> };

export function useBulkChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      input:
        | { action: 'assign'; selection: Selection; assigneeId: string | null }
        | { action: 'transfer'; selection: Selection; departmentId: string; reason?: string },
    ): Promise<BulkResult> => {
      const { action, selection, ...rest } = input;
      const body = { ...selection, ...rest } as never;
      return action === 'assign'
        ? call<BulkResult>(api.POST('/api/v1/complaints/bulk/assign', { body }))
        : call<BulkResult>(api.POST('/api/v1/complaints/bulk/transfer', { body }));
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['queue'] });
      void client.invalidateQueries({ queryKey: ['queue-views'] });
    },
  });
}
