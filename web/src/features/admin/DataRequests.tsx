// Data-subject requests: each with its clocks (acknowledge by, answer by, paused while identity
// is checked, extended) and a link to the request itself; for administrators, a new one recorded.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { policyFacts } from '../../app/settings.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';
import { NewDataRequest } from './NewDataRequest.tsx';

export type DataRequest = Schemas['DataRequest'];

export const customerOf = (r: DataRequest) => r.customerName ?? r.customerId;

/** The request's clocks in words: each due moment, done, paused or extended. */
export function RequestClocks({ r }: { r: DataRequest }) {
  const { t } = useTranslation();
  const tz = policyFacts(r.policy)?.timezone;
  return (
    <ul>
      {r.acknowledgeDueAt && (
        <li>
          {r.acknowledgedAt ? (
            <>
              {t('privacy.requests.acknowledgedOn')}{' '}
              <DateTime iso={r.acknowledgedAt} timeZone={tz} />
            </>
          ) : (
            <>
              {t('privacy.requests.acknowledgeBy')}{' '}
              <DateTime iso={r.acknowledgeDueAt} style="due" timeZone={tz} />
            </>
          )}
        </li>
      )}
      <li>
        {r.answeredAt ? (
          <>
            {t('privacy.requests.answeredOn')} <DateTime iso={r.answeredAt} timeZone={tz} />
          </>
        ) : r.dueAt ? (
          <>
            {t('privacy.requests.answerBy')} <DateTime iso={r.dueAt} style="due" timeZone={tz} />
          </>
        ) : (
          t('privacy.requests.paused')
        )}
      </li>
      {r.extended && <li>{t('privacy.requests.extended')}</li>}
    </ul>
  );
}

export function DataRequests({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const requests = useQuery({
    queryKey: ['admin', 'privacy', 'requests', all],
    queryFn: () =>
      call<Schemas['DataRequestList']>(
        api.GET('/api/v1/privacy/requests', {
          params: { query: { all: all ? 'true' : 'false' } },
        }),
      ),
  });
  return (
    <Section id="requests" title={t('privacy.requests.title')}>
      <p className="mb-4 max-w-prose">{t('privacy.requests.intro')}</p>
      <label className="mb-4 inline-flex min-h-11 cursor-pointer items-center gap-3 text-lg">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
          className="h-6 w-6 accent-blue-800"
        />
        {t('privacy.requests.showAnswered')}
      </label>
      {requests.isPending && <Loading />}
      {requests.isError && (
        <LoadFailed error={requests.error} retry={() => void requests.refetch()} />
      )}
      {requests.data && requests.data.items.length === 0 && <p>{t('privacy.requests.none')}</p>}
      {requests.data && requests.data.items.length > 0 && (
        <>
          <h3 className="mb-2 text-lg font-semibold">
            {all ? t('privacy.requests.captionAll') : t('privacy.requests.caption')}
          </h3>
          <ul className="flex flex-col gap-3">
            {requests.data.items.map((r) => (
              <li key={r.id} className="rounded border border-slate-300 p-4">
                <Link
                  href={`/admin/privacy/requests/${r.id}`}
                  className="text-lg font-semibold text-blue-800 underline"
                >
                  {t('privacy.requests.linkText', {
                    kind: t(`privacy.requests.kinds.${r.kind}`),
                    customer: customerOf(r),
                  })}
                </Link>
                <p className="mt-1">
                  {t(`privacy.requests.regimes.${r.regime}`)} ·{' '}
                  {t(`privacy.requests.statuses.${r.status}`)} · {t('privacy.requests.arrived')}{' '}
                  <DateTime iso={r.receivedAt} timeZone={policyFacts(r.policy)?.timezone} />
                </p>
                <RequestClocks r={r} />
              </li>
            ))}
          </ul>
        </>
      )}
      {manage && <NewDataRequest />}
    </Section>
  );
}
