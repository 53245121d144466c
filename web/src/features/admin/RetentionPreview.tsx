// The retention preview: for each policy, how many complaints the sweep will anonymise on which
// day (in the policy's time zone), how many are past their period now, and how many are held.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';

type PolicyPreview = Schemas['RetentionPreview']['policies'][number];
const FIRST = 8;
const HORIZONS = ['30', '90', '366', '1096', '1827'] as const;

function PolicyDays({ p }: { p: PolicyPreview }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [all, setAll] = useState(false);
  const n = (x: number) => formatNumber(x, lng);
  const days = all ? p.days : p.days.slice(0, FIRST);
  const total = p.days.reduce((s, d) => s + d.count, 0);
  return (
    <section aria-labelledby={`retention-${p.policy}`} className="mb-6">
      <h3 id={`retention-${p.policy}`} className="mb-2 text-xl font-bold">
        {p.name}
      </h3>
      {p.dueNow > 0 && (
        <p className="mb-2 font-semibold">
          {t('privacy.retention.dueNow', { count: p.dueNow, n: n(p.dueNow) })}
        </p>
      )}
      {p.days.length === 0 ? (
        <p>{t('privacy.retention.noneAhead')}</p>
      ) : (
        <>
          <p className="mb-2">{t('privacy.retention.ahead', { count: total, n: n(total) })}</p>
          <DataTable
            caption={t('privacy.retention.caption', { policy: p.name, timezone: p.timezone })}
            rows={days}
            rowKey={(d) => d.date}
            columns={[
              {
                header: t('privacy.retention.on'),
                cell: (d) => <DateTime iso={`${d.date}T12:00:00Z`} style="day" timeZone="UTC" />,
              },
              {
                header: t('privacy.retention.count'),
                cell: (d) => t('privacy.retention.complaints', { count: d.count, n: n(d.count) }),
              },
            ]}
          />
          {p.days.length > FIRST && (
            <Button variant="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
              {all
                ? t('privacy.retention.fewer')
                : t('privacy.retention.allDays', { n: n(p.days.length) })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}

export function RetentionPreview() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [days, setDays] = useState<(typeof HORIZONS)[number]>('1096');
  const preview = useQuery({
    queryKey: ['admin', 'privacy', 'retention', days],
    queryFn: () =>
      call<Schemas['RetentionPreview']>(
        api.GET('/api/v1/privacy/retention/preview', {
          params: { query: { days: Number(days) } },
        }),
      ),
  });
  return (
    <Section id="retention" title={t('privacy.retention.title')}>
      <p className="mb-4 max-w-prose">{t('privacy.retention.intro')}</p>
      <SelectField
        id="retention-horizon"
        label={t('privacy.retention.horizon')}
        options={HORIZONS.map((h) => ({ value: h, label: t(`privacy.retention.horizons.${h}`) }))}
        value={days}
        onChange={(v) => v && setDays(v)}
      />
      {preview.isPending && <Loading />}
      {preview.isError && <LoadFailed error={preview.error} retry={() => void preview.refetch()} />}
      {preview.data && (
        <>
          <p className="mb-4">
            {preview.data.held === 0
              ? t('privacy.retention.heldNone')
              : t('privacy.retention.held', {
                  count: preview.data.held,
                  n: formatNumber(preview.data.held, lng),
                })}
          </p>
          {preview.data.policies.length === 0 && <p>{t('privacy.retention.nothing')}</p>}
          {preview.data.policies.map((p) => (
            <PolicyDays key={p.policy} p={p} />
          ))}
        </>
      )}
    </Section>
  );
}
