// The complaints manager's home (issue 10): for a period and policy (in the URL), open
// complaints by state and age, each clock's compliance with its trend, volumes, first-contact
// resolution, escalations and ADR, redress, satisfaction, root causes, vulnerable customers and
// the FCA return's deadline. Every chart has its table beside it; every count links to the
// complaints behind it.
import { useMemo } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { settings } from '../../app/settings.ts';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useReport, type Report, type ReportRow } from './api.ts';
import { reportCsvHref } from './api.ts';
import { FcaDeadline, showsFcaDeadline } from './FcaDeadline.tsx';
import { Figure } from './Figure.tsx';
import { formatCell, formatDate, formatTimeZone, rowLabel } from './format.ts';
import { reportDrillHref } from './links.ts';
import { periodSearch, readPeriod, type Period } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { Satisfaction } from './Satisfaction.tsx';
import { Trend } from './Trend.tsx';

/** Every report the dashboard reads: [name, groupBy]. The route asks for them at once. */
export const DASHBOARD_REPORTS: [string, string?][] = [
  ['ages', 'state'],
  ['clock-compliance', 'clock'],
  ['clock-compliance', 'clock-month'],
  ['volumes', 'channel'],
  ['volumes', 'category'],
  ['volumes', 'product'],
  ['volumes', 'department'],
  ['first-contact', 'channel'],
  ['adr', 'all'],
  ['redress', 'currency'],
  ['satisfaction', 'score'],
  ['root-causes', 'rootCause'],
  ['vulnerable', 'driver'],
];

export function DashboardScreen() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const search = useSearch();
  const [, navigate] = useLocation();
  const period = useMemo(() => readPeriod(search), [search]);
  const policyName = period.policy
    ? (settings.policies.find((p) => p.id === period.policy)?.name ?? period.policy)
    : t('reports.period.allPoliciesInline');
  const ages = useReport('ages', period, 'state');
  const zone = ages.data?.period.timezone;
  return (
    <>
      <p className="mb-6 max-w-prose">{t('reports.dashboard.intro')}</p>
      <PeriodPicker
        period={period}
        path="/dashboard"
        onChange={(p) => navigate(`/dashboard${periodSearch(p)}`)}
      />
      <p className="mb-6" role="status">
        {t('reports.period.showing', {
          from: formatDate(period.from, lng),
          to: formatDate(period.to, lng),
          policy: policyName,
          zone: zone ? formatTimeZone(zone, lng) : '…',
        })}
      </p>
      <nav aria-label={t('reports.dashboard.figures')} className="mb-8">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {(
            [
              'open',
              'compliance',
              'volumes',
              'firstContact',
              'adr',
              'redress',
              'satisfaction',
              'rootCauses',
              'vulnerable',
              'returns',
            ] as const
          ).map((s) => (
            <li key={s}>
              <a
                href={`#${s}`}
                className="inline-flex min-h-11 items-center text-blue-800 underline"
              >
                {t(`reports.dashboard.sections.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="open" title={t('reports.dashboard.sections.open')}>
        <ReportFigure
          period={period}
          name="ages"
          groupBy="state"
          caption={t('reports.dashboard.tables.open')}
          columns={['open', 'under1Week', 'weeks1To4', 'weeks4To8', 'over8Weeks', 'averageDays']}
          chart="open"
        />
      </Section>

      <Section id="compliance" title={t('reports.dashboard.sections.compliance')}>
        <ReportFigure
          period={period}
          name="clock-compliance"
          groupBy="clock"
          caption={t('reports.dashboard.tables.compliance')}
          columns={['clocks', 'met', 'breached', 'breachedOpen', 'running', 'shareMet']}
          chart="shareMet"
        />
        <h3 className="mb-2 text-xl font-bold">{t('reports.dashboard.sections.trend')}</h3>
        <Trend period={period} />
      </Section>

      <Section id="volumes" title={t('reports.dashboard.sections.volumes')}>
        {(['channel', 'category', 'product', 'department'] as const).map((by) => (
          <ReportFigure
            key={by}
            period={period}
            name="volumes"
            groupBy={by}
            caption={t('reports.dashboard.tables.volumesBy', {
              by: t(`reports.dashboard.by.${by}`),
            })}
            columns={['received', 'open', 'closed']}
            chart="received"
          />
        ))}
      </Section>

      <Section id="firstContact" title={t('reports.dashboard.sections.firstContact')}>
        <FirstContact period={period} />
      </Section>

      <Section id="adr" title={t('reports.dashboard.sections.adr')}>
        <AdrFigure period={period} />
      </Section>

      <Section id="redress" title={t('reports.dashboard.sections.redress')}>
        <ReportFigure
          period={period}
          name="redress"
          groupBy="currency"
          caption={t('reports.dashboard.tables.redress')}
          columns={['offered', 'offeredAmount', 'accepted', 'acceptedAmount', 'paid', 'paidAmount']}
          noTotals
          currency={(r) => (/^[A-Z]{3}$/.test(String(r.key)) ? String(r.key) : null)}
        />
      </Section>

      <Section id="satisfaction" title={t('reports.dashboard.sections.satisfaction')}>
        <Satisfaction period={period} drill={(r) => drillFor(period, r)} />
      </Section>

      <Section id="rootCauses" title={t('reports.dashboard.sections.rootCauses')}>
        <ReportFigure
          period={period}
          name="root-causes"
          groupBy="rootCause"
          caption={t('reports.dashboard.tables.rootCauses')}
          columns={['closed', 'upheld']}
          chart="closed"
        />
      </Section>

      <Section id="vulnerable" title={t('reports.dashboard.sections.vulnerable')}>
        <ReportFigure
          period={period}
          name="vulnerable"
          groupBy="driver"
          caption={t('reports.dashboard.tables.vulnerable')}
          columns={['complaints', 'causedByFirm', 'open', 'upheld']}
          chart="complaints"
        />
      </Section>

      <Section id="returns" title={t('reports.dashboard.sections.returns')}>
        {showsFcaDeadline(period) && <FcaDeadline period={period} />}
        <p>
          <Link href="/returns" className="text-blue-800 underline">
            {t('reports.dashboard.returnsLink')}
          </Link>
        </p>
      </Section>
    </>
  );
}

/** Where the complaints behind a cell are: its row and column; a total by the policy (or the
 *  one-row grouping) when the report has one, else none. */
function drillFor(period: Period, report: Report) {
  return (row: ReportRow, column: string, isTotal: boolean): string | null => {
    if (!isTotal)
      return reportDrillHref(period, report.report, report.groupBy, String(row.key), column);
    if (period.policy && report.groupings.includes('policy'))
      return reportDrillHref(period, report.report, 'policy', period.policy, column);
    return null;
  };
}

function ReportFigure({
  period,
  name,
  groupBy,
  caption,
  columns,
  chart,
  noTotals,
  currency,
}: {
  period: Period;
  name: string;
  groupBy: string;
  caption: string;
  columns: string[];
  chart?: string;
  noTotals?: boolean;
  currency?: (row: ReportRow) => string | null;
}) {
  const { t } = useTranslation();
  const q = useReport(name, period, groupBy);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <Figure
      caption={caption}
      rows={r.rows}
      totals={noTotals ? undefined : r.totals}
      columns={columns}
      rowHeader={t(`reports.dashboard.rowHeader.${groupBy}`, {
        defaultValue: t('reports.measures.key'),
      })}
      label={(row) => rowLabel(row.key, groupBy, t)}
      drill={drillFor(period, r)}
      chart={chart ? { column: chart } : undefined}
      currency={currency}
      csv={reportCsvHref(name, period, groupBy)}
    />
  );
}

function FirstContact({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const q = useReport('first-contact', period, 'channel');
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  const received = Number(r.totals.received ?? 0);
  return (
    <>
      <p className="mb-4 text-lg">
        {received === 0
          ? t('reports.dashboard.rateNone')
          : t('reports.dashboard.rate', {
              rate: formatCell(r.totals.rate, 'share', lng),
              count: formatCell(received, 'count', lng),
            })}
      </p>
      <Figure
        caption={t('reports.dashboard.tables.firstContact')}
        rows={r.rows}
        totals={r.totals}
        columns={['received', 'resolvedOnFirstContact', 'rate']}
        rowHeader={t('reports.dashboard.rowHeader.channel')}
        label={(row) => rowLabel(row.key, 'channel', t)}
        drill={drillFor(period, r)}
        chart={{ column: 'rate' }}
        csv={reportCsvHref('first-contact', period, 'channel')}
      />
    </>
  );
}

const ADR_MEASURES = [
  'escalated',
  'escalations',
  'deadlocked',
  'deadlockLetters',
  'deadlockRefusals',
  'referred',
  'decidedUpheld',
  'decidedPartlyUpheld',
  'decidedNotUpheld',
  'awaitingDecision',
  'complied',
];

/** One row of figures (the "all" grouping), shown as one line per measure. */
function AdrFigure({ period }: { period: Period }) {
  const { t } = useTranslation();
  const q = useReport('adr', period, 'all');
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const all = q.data.rows[0] ?? q.data.totals;
  const rows: ReportRow[] = ADR_MEASURES.map((m) => ({ key: m, complaints: all[m] ?? 0 }));
  return (
    <Figure
      caption={t('reports.dashboard.tables.adr')}
      rows={rows}
      columns={['complaints']}
      rowHeader={t('reports.dashboard.rowHeader.figure')}
      label={(row) => t(`reports.measures.${String(row.key)}`)}
      drill={(row) =>
        // "escalations" counts events; its complaints are those escalated.
        reportDrillHref(
          period,
          'adr',
          'all',
          'all',
          row.key === 'escalations' ? 'escalated' : String(row.key),
        )
      }
      chart={{ column: 'complaints' }}
      csv={reportCsvHref('adr', period, 'all')}
    />
  );
}
