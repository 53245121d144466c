// /admin/privacy/requests/{id}: one data-subject request — who asked for what, under which rules,
// where it stands, its clocks, its answer, and what can be done on it now.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { policyFacts } from '../../app/settings.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { DataRequestActions } from './DataRequestActions.tsx';
import { customerOf, RequestClocks, type DataRequest } from './DataRequests.tsx';

export function DataRequestScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['admin', 'privacy', 'request', id];
  const request = useQuery({
    queryKey: key,
    queryFn: () =>
      call<DataRequest>(api.GET('/api/v1/privacy/requests/{id}', { params: { path: { id } } })),
  });
  if (request.isPending) return <Loading />;
  if (request.isError)
    return <LoadFailed error={request.error} retry={() => void request.refetch()} />;
  const r = request.data;
  const tz = policyFacts(r.policy)?.timezone;
  const rows: [string, ReactNode][] = [
    [t('privacy.requests.customer'), customerOf(r)],
    [t('privacy.requests.kind'), t(`privacy.requests.kinds.${r.kind}`)],
    [t('privacy.requests.rules'), t(`privacy.requests.regimes.${r.regime}`)],
    [t('admin.policy'), policyFacts(r.policy)?.name ?? r.policy],
    [t('privacy.requests.status'), t(`privacy.requests.statuses.${r.status}`)],
    [t('privacy.requests.received'), <DateTime key="r" iso={r.receivedAt} timeZone={tz} />],
    [t('privacy.requests.clocks'), <RequestClocks key="c" r={r} />],
    [
      t('privacy.requests.processors'),
      r.withProcessors ? t('privacy.requests.yes') : t('privacy.requests.no'),
    ],
  ];
  if (r.extensionReason) rows.push([t('privacy.requests.extensionReason'), r.extensionReason]);
  if (r.outcome)
    rows.push([
      t('privacy.requests.outcome'),
      t(`privacy.requests.outcomes.${r.outcome}`, { defaultValue: r.outcome }),
    ]);
  if (r.answer)
    rows.push([
      t('privacy.requests.answer'),
      <span key="a" className="whitespace-pre-line">
        {r.answer}
      </span>,
    ]);
  const changed = async (updated?: DataRequest) => {
    if (updated) client.setQueryData(key, updated);
    await client.invalidateQueries({ queryKey: ['admin', 'privacy'] });
  };
  return (
    <>
      <p className="mb-4">
        <Link href="/admin/privacy" className="text-blue-800 underline">
          {t('privacy.requests.back')}
        </Link>
      </p>
      <Section
        id="request"
        title={t('privacy.requests.linkText', {
          kind: t(`privacy.requests.kinds.${r.kind}`),
          customer: customerOf(r),
        })}
      >
        <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-semibold">{k}</dt>
              <dd className="mb-2 sm:mb-0">{v}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <DataRequestActions r={r} changed={changed} />
    </>
  );
}
