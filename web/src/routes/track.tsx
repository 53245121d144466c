// `/track/{reference}?token=…`: the customer's page (SPEC §7). A heading holds the reference.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useParams, useSearch } from 'wouter';
import { policyFacts } from '../app/settings.ts';
import { DateTime } from '../components/DateTime.tsx';
import { Layout } from '../components/Layout.tsx';
import { Page, Section } from '../components/Page.tsx';
import { LoadFailed, Loading } from '../components/States.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import {
  CustomerActions,
  Files,
  Messages,
  PromiseList,
  Timeline,
  trackedQuery,
} from '../features/tracking/index.ts';
import { AdrDetails } from '../features/tracking/AdrDetails.tsx';
import { adoptLanguage } from '../i18n/index.ts';

export default function TrackRoute() {
  const { t } = useTranslation();
  const { reference = '' } = useParams<{ reference: string }>();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const query = useQuery(trackedQuery(reference, token));
  const data = query.data;
  useEffect(() => adoptLanguage(data?.language), [data?.language]);
  const timeZone = data?.timezone ?? policyFacts(data?.policy?.id)?.timezone;
  const title = t('track.title', { reference });
  return (
    <Layout>
      <Page title={title}>
        {query.isPending && <Loading />}
        {query.isError && <LoadFailed error={query.error} retry={() => void query.refetch()} />}
        {data && (
          <>
            <dl className="mb-8 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <dt className="font-bold">{t('track.status')}</dt>
              <dd>
                <StatusBadge
                  tone={
                    data.status === 'closed' || data.status === 'withdrawn' ? 'neutral' : 'good'
                  }
                >
                  {t(`status.${data.status}`, { defaultValue: data.status })}
                </StatusBadge>
              </dd>
              <dt className="font-bold">{t('track.received')}</dt>
              <dd>
                <DateTime iso={data.receivedAt} timeZone={timeZone} style="day" />
              </dd>
              <dt className="font-bold">{t('track.subject')}</dt>
              <dd className="break-words">{data.subject}</dd>
            </dl>
            <Section id="promises" title={t('track.promises')}>
              <PromiseList deadlines={data.deadlines} now={data.now} timeZone={timeZone} />
              <p className="mt-3 text-sm text-slate-700">
                {timeZone
                  ? t('track.internalNote', { zone: timeZone })
                  : t('track.deviceZoneNote', {
                      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                    })}
              </p>
            </Section>
            <AdrDetails data={data} />
            <CustomerActions data={data} token={token} />
            <Messages data={data} timeZone={timeZone} />
            <Files data={data} token={token} />
            <Timeline data={data} timeZone={timeZone} />
            <Section id="description" title={t('track.description')}>
              <p className="max-w-prose whitespace-pre-wrap break-words">{data.description}</p>
            </Section>
          </>
        )}
      </Page>
    </Layout>
  );
}
