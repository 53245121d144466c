// The audit trail's reads: pages of events under a filter, the chain's verification, and the
// export's address (a download the browser makes with the session's cookie).
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { components } from '../../api/schema.js';

export type AuditEvent = components['schemas']['AuditEvent'];
export type Verification = components['schemas']['AuditVerification'];

/** What the person typed: dates are days in their own time zone. */
export interface AuditFilter {
  complaint: string;
  actor: string;
  kind: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilter = { complaint: '', actor: '', kind: '', from: '', to: '' };

/** The filter as the API's query: a day runs from its local midnight to the next. */
export function filterQuery(f: AuditFilter): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.complaint.trim()) q.complaint = f.complaint.trim();
  if (f.actor) q.actor = f.actor;
  if (f.kind.trim()) q.kind = f.kind.trim();
  const day = (d: string, plus: number) => {
    const t = new Date(`${d}T00:00`);
    t.setDate(t.getDate() + plus);
    return t.toISOString();
  };
  if (f.from) q.from = day(f.from, 0);
  if (f.to) q.to = day(f.to, 1);
  return q;
}

export function useAuditEvents(filter: AuditFilter) {
  const query = filterQuery(filter);
  return useInfiniteQuery({
    queryKey: ['audit', 'events', query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call<components['schemas']['AuditPage']>(
        api.GET('/api/v1/audit/events', {
          params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}), limit: 50 } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

export async function verifyChain(complaint: string | undefined): Promise<Verification> {
  return call<Verification>(
    api.GET('/api/v1/audit/verification', {
      params: { query: complaint ? { complaint } : {} },
    }),
  );
}

export function exportHref(filter: AuditFilter, format: 'csv' | 'json'): string {
  return `/api/v1/audit/export?${new URLSearchParams({ ...filterQuery(filter), format })}`;
}
