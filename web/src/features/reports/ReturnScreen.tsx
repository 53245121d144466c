// `/returns/{kind}?periodStart=…&periodEnd=…&policy=…`: a regulator return computed for a
// period — its deadline, warnings about the data (each naming the complaints concerned), its
// tables with the complaints behind each figure — and "File this return", which keeps an
// unchangeable snapshot after a confirmation.
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatDue } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { useFileReturn, useReturn, type ReturnData } from './api.ts';
import { formatDate, formatTimeZone } from './format.ts';
import { returnDrillHref } from './links.ts';
import {
  defaultReturnPeriod,
  periodSearch,
  readPeriod,
  RETURN_KEYS,
  type Period,
} from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReturnFigures } from './ReturnFigures.tsx';

export function readReturnPeriod(kind: string, search: string): Period {
  const s = new URLSearchParams(search);
  const fallback = defaultReturnPeriod(kind);
  const p = readPeriod(search, RETURN_KEYS);
  return {
    from: s.get('periodStart') ? p.from : fallback.from,
    to: s.get('periodEnd') ? p.to : fallback.to,
    policy: p.policy,
  };
}

export function ReturnScreen({ kind, session }: { kind: string; session: Session }) {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const period = useMemo(() => readReturnPeriod(kind, search), [kind, search]);
  const q = useReturn(kind, period);
  const canFile = session.capabilities['return.file'];
  return (
    <>
      <PeriodPicker
        period={period}
        path={`/returns/${kind}`}
        keys={RETURN_KEYS}
        labels={{ from: t('reports.returns.periodStart'), to: t('reports.returns.periodEnd') }}
        anyPolicy={t('reports.returns.usualPolicy')}
        onChange={(p) => navigate(`/returns/${kind}${periodSearch(p, RETURN_KEYS)}`)}
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <LoadFailed error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <ReturnHeader r={q.data} />
          {canFile ? (
            <FileReturn kind={kind} period={period} />
          ) : (
            <p className="mb-6">{t('reports.returns.cannotFile')}</p>
          )}
          <Warnings r={q.data} />
          <Section id="figures" title={t(`reports.returns.kinds.${kind}`, { defaultValue: kind })}>
            <ReturnFigures
              kind={kind}
              figures={q.data.figures}
              policy={q.data.policy}
              drill={(cell) => returnDrillHref(kind, period, cell)}
            />
          </Section>
        </>
      )}
      <p>
        <Link href="/returns" className="text-blue-800 underline">
          {t('reports.returns.backList')}
        </Link>
      </p>
    </>
  );
}

export function ReturnHeader({ r }: { r: ReturnData }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <div className="mb-6">
      <p className="text-lg font-semibold">
        {formatDate(r.periodStart, lng)} – {formatDate(r.periodEnd, lng)}
      </p>
      <p>
        {t('reports.returns.policy', {
          id: r.policy.id,
          version: r.policy.version,
          zone: formatTimeZone(r.timezone, lng),
        })}
      </p>
      {r.deadline && (
        <p className="font-semibold">
          {t('reports.returns.deadline', {
            due: formatDue(r.deadline.dueAt, lng, t, r.timezone),
            days: r.deadline.businessDaysAfterPeriodEnd,
          })}
        </p>
      )}
    </div>
  );
}

export function Warnings({ r }: { r: ReturnData }) {
  const { t } = useTranslation();
  // The API's message in English; the words by code where the app has them.
  const words = (w: ReturnData['warnings'][number]) =>
    t(`reports.returns.warning.${w.code}`, { defaultValue: w.message });
  return (
    <Section id="warnings" title={t('reports.returns.warnings')}>
      {r.warnings.length === 0 ? (
        <p>{t('reports.returns.noWarnings')}</p>
      ) : (
        <ul className="space-y-3">
          {r.warnings.map((w) => (
            <li key={w.code} className="border-l-8 border-amber-600 bg-amber-50 p-3">
              <p className="font-semibold">
                {w.count > 0
                  ? t('reports.returns.warningCount', { count: w.count, message: words(w) })
                  : words(w)}
              </p>
              {w.references.length > 0 && (
                <ul
                  aria-label={`${t('reports.returns.warningRefs')}: ${words(w)}`}
                  className="mt-1 flex flex-wrap gap-x-4"
                >
                  {w.references.map((ref) => (
                    <li key={ref}>
                      <Link
                        href={`/complaints/${encodeURIComponent(ref)}`}
                        className="inline-flex min-h-11 items-center font-mono text-blue-800 underline"
                      >
                        {ref}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function FileReturn({ kind, period }: { kind: string; period: Period }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const file = useFileReturn(kind);
  return (
    <>
      <Button onClick={() => setOpen(true)} className="mb-6">
        {t('reports.returns.file')}
      </Button>
      <Dialog open={open} title={t('reports.returns.fileTitle')} onClose={() => setOpen(false)}>
        <p className="mb-4">
          {t('reports.returns.fileBody', {
            from: formatDate(period.from, lng),
            to: formatDate(period.to, lng),
          })}
        </p>
        {file.isError && (
          <Alert tone="error" title={t('app.errorTitle')}>
            {errorText(file.error, t)}
          </Alert>
        )}
        <div className="flex flex-wrap gap-3">
          <Button
            disabled={file.isPending}
            onClick={() =>
              file.mutate(period, {
                onSuccess: (filed) => {
                  setOpen(false);
                  navigate(`/returns/${kind}/filed/${filed.id}?filed=1`);
                },
              })
            }
          >
            {file.isPending ? t('reports.returns.filing') : t('reports.returns.fileConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('reports.returns.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
