// The reports and returns the screens read, through the generated client only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, csrf } from '../../api/client.ts';
import type { components } from '../../api/schema.js';
import { reportQuery, type Period } from './period.ts';

export type Report = components['schemas']['Report'];
export type ReportRow = components['schemas']['ReportRow'];
export type ReturnData = components['schemas']['Return'];
export type FiledReturn = components['schemas']['FiledReturn'];

const fetchReport = (name: string, period: Period, groupBy?: string) =>
  call<Report>(
    api.GET('/api/v1/reports/{name}', {
      params: {
        path: { name },
        query: { ...reportQuery(period), ...(groupBy ? { groupBy } : {}) },
      },
    }) as Promise<{ data?: Report }>,
  );

const reportKey = (name: string, period: Period, groupBy?: string) =>
  JSON.stringify([name, groupBy ?? null, period]);

/** Reports asked for as soon as the route's code runs (beside its strings and the session),
 *  each handed to the first render that wants it. */
const early = new Map<string, Promise<Report>>();
export function prefetchReports(period: Period, wanted: [string, string?][]): void {
  if (!csrf.get()) return; // signed out: the page will send them to sign in
  for (const [name, groupBy] of wanted) {
    const pending = fetchReport(name, period, groupBy);
    pending.catch(() => {}); // a failure is the query's to report when it asks
    early.set(reportKey(name, period, groupBy), pending);
  }
}

export function useReport(name: string, period: Period, groupBy?: string) {
  return useQuery({
    queryKey: ['report', name, groupBy ?? null, period],
    queryFn: () => {
      const key = reportKey(name, period, groupBy);
      const pending = early.get(key);
      early.delete(key);
      return pending ?? fetchReport(name, period, groupBy);
    },
  });
}

/** The CSV of the same report (the API's `format=csv`), as a link a browser downloads. */
export function reportCsvHref(name: string, period: Period, groupBy?: string): string {
  const s = new URLSearchParams({ ...reportQuery(period), format: 'csv' });
  if (groupBy) s.set('groupBy', groupBy);
  return `/api/v1/reports/${encodeURIComponent(name)}?${s.toString()}`;
}

export interface DrillParams {
  name: string;
  groupBy: string;
  key: string;
  measure: string | null;
}

export function useReportComplaints(d: DrillParams, period: Period) {
  return useQuery({
    queryKey: ['report-complaints', d, period],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/{name}/complaints', {
          params: {
            path: { name: d.name },
            query: {
              ...reportQuery(period),
              groupBy: d.groupBy,
              key: d.key,
              ...(d.measure ? { measure: d.measure } : {}),
              limit: 500,
            },
          },
        }),
      ),
  });
}

export interface ReturnPeriod {
  periodStart: string;
  periodEnd: string;
  policy?: string;
}

export const returnPeriod = (p: Period): ReturnPeriod => ({
  periodStart: p.from,
  periodEnd: p.to,
  ...(p.policy ? { policy: p.policy } : {}),
});

const fetchReturn = (kind: string, period: Period) =>
  call(
    api.GET('/api/v1/returns/{kind}', {
      params: { path: { kind }, query: returnPeriod(period) },
    }),
  );

const fetchDeadline = (kind: string, period: Period) =>
  call(
    api.GET('/api/v1/returns/{kind}/deadline', {
      params: { path: { kind }, query: returnPeriod(period) },
    }),
  );
type Deadline = Awaited<ReturnType<typeof fetchDeadline>>;

const earlyDeadlines = new Map<string, Promise<Deadline>>();
/** A return's deadline asked for as soon as the route's code runs (the dashboard's clock). */
export function prefetchDeadline(kind: string, period: Period): void {
  if (!csrf.get()) return;
  const pending = fetchDeadline(kind, period);
  pending.catch(() => {});
  earlyDeadlines.set(JSON.stringify([kind, period]), pending);
}

/** When a return for the period must be filed (GET /returns/{kind}/deadline: no figures). */
export function useReturnDeadline(kind: string, period: Period) {
  return useQuery({
    queryKey: ['return-deadline', kind, period],
    queryFn: () => {
      const key = JSON.stringify([kind, period]);
      const pending = earlyDeadlines.get(key);
      earlyDeadlines.delete(key);
      return pending ?? fetchDeadline(kind, period);
    },
  });
}

export function useReturn(kind: string, period: Period | null) {
  return useQuery({
    queryKey: ['return', kind, period],
    queryFn: () => fetchReturn(kind, period!),
    enabled: period !== null,
  });
}

export interface CellParams {
  measure: string;
  productGroup?: string;
  cause?: string;
  key?: string;
}

export function useReturnComplaints(kind: string, cell: CellParams, period: Period) {
  return useQuery({
    queryKey: ['return-complaints', kind, cell, period],
    queryFn: () =>
      call(
        api.GET('/api/v1/returns/{kind}/complaints', {
          params: { path: { kind }, query: { ...returnPeriod(period), ...cell, limit: 500 } },
        }),
      ),
  });
}

export function useFiledReturns(kind: string) {
  return useQuery({
    queryKey: ['returns-filed', kind],
    queryFn: () =>
      call(api.GET('/api/v1/returns/{kind}/filed', { params: { path: { kind }, query: {} } })),
  });
}

export function useFiledReturn(kind: string, id: number) {
  return useQuery({
    queryKey: ['return-filed', kind, id],
    queryFn: () =>
      call(api.GET('/api/v1/returns/{kind}/filed/{id}', { params: { path: { kind, id } } })),
  });
}

export function useFileReturn(kind: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (period: Period) =>
      call(
        api.POST('/api/v1/returns/{kind}/filed', {
          params: { path: { kind } },
          body: returnPeriod(period),
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['returns-filed', kind] }),
  });
}

type Label = string | { en?: string; vi?: string };

/** The words of a policy version's taxonomy codes (product groups, products, causes), in the
 *  language shown; a code without words stays a code. */
export function useTaxonomyLabels(policy: { id: string; version: number } | null, lng: string) {
  const q = useQuery({
    queryKey: ['policy', policy?.id],
    queryFn: () => call(api.GET('/api/v1/policies/{id}', { params: { path: { id: policy!.id } } })),
    enabled: policy !== null,
    staleTime: 300_000,
  });
  const version = q.data?.versions.find((v) => v.version === policy?.version);
  const taxonomy = version?.taxonomy;
  const words = (l: Label) =>
    typeof l === 'string' ? l : (l[lng as 'en' | 'vi'] ?? l.en ?? l.vi ?? '');
  const map = new Map<string, string>();
  for (const x of [
    ...(taxonomy?.productGroups ?? []),
    ...(taxonomy?.products ?? []),
    ...(taxonomy?.causes ?? []),
  ])
    map.set(x.code, words(x.label) || x.code);
  return map;
}

export type SatisfactionComment = components['schemas']['SatisfactionComment'];

/** The latest comments customers left with their rating (complaints closed in the period). */
export function useSatisfactionComments(period: Period, limit = 10) {
  return useQuery({
    queryKey: ['satisfaction-comments', period, limit],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/satisfaction/comments', {
          params: { query: { ...reportQuery(period), limit } },
        }),
      ),
  });
}
