// The tables of a regulator return, by kind (the API's `figures`): the FCA return's totals,
// product groups, opened-by-cause matrix, publication table and consolidated counts; the
// Ofcom-style figures per service and top reasons; the SPSO-style KPIs per stage. With `drill`,
// each count links to the complaints behind it (a filed snapshot has no links: today's
// complaints may differ from what was filed).
import { useTranslation } from '../../i18n/use-translation.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTaxonomyLabels, type CellParams, type ReportRow } from './api.ts';
import { Figure } from './Figure.tsx';
import { rowLabel } from './format.ts';

type Drill = ((cell: CellParams) => string) | null;
type Rows = Record<string, unknown>[];

const FCA_COLUMNS = [
  'outstandingAtStart',
  'opened',
  'closed',
  'closedWithin3BusinessDays',
  'closedAfter3BusinessDaysWithin8Weeks',
  'closedAfter8Weeks',
  'upheld',
  'redressPaid',
];
/** Figures that are not counts of complaints (no list behind them). */
const NOT_DRILLED = new Set(['customers', 'per100000Customers', 'redressPaid']);

const asRows = (v: unknown): ReportRow[] => (Array.isArray(v) ? (v as ReportRow[]) : []);
const numericColumns = (rows: Rows, skip: string[]) => {
  const cols: string[] = [];
  for (const r of rows)
    for (const [k, v] of Object.entries(r))
      if (!skip.includes(k) && (typeof v === 'number' || v === null) && !cols.includes(k))
        cols.push(k);
  return cols;
};

export function ReturnFigures({
  kind,
  figures,
  drill,
  policy,
}: {
  kind: string;
  figures: Record<string, unknown>;
  drill: Drill;
  policy: { id: string; version: number };
}) {
  if (kind === 'fca-disp') return <FcaFigures figures={figures} drill={drill} policy={policy} />;
  if (kind === 'ofcom-quarterly') return <OfcomFigures figures={figures} drill={drill} />;
  return <SpsoFigures figures={figures} drill={drill} />;
}

function FcaFigures({
  figures,
  drill,
  policy,
}: {
  figures: Record<string, unknown>;
  drill: Drill;
  policy: { id: string; version: number };
}) {
  const { t } = useTranslation();
  const words = useTaxonomyLabels(policy, currentLanguage());
  const code = (c: unknown) => words.get(String(c)) ?? rowLabel(c, 'code', t);
  const currency = typeof figures.currency === 'string' ? figures.currency : 'GBP';
  const totals = (figures.totals ?? {}) as Record<string, number>;
  const totalRows: ReportRow[] = FCA_COLUMNS.map((m) => ({ key: m, value: totals[m] ?? 0 }));
  const byGroup = asRows(figures.byProductGroup).map((r) => ({ ...r, key: r.productGroup ?? '' }));
  const groups = (figures.productGroups as string[] | undefined) ?? [];
  const causes = (figures.causes as string[] | undefined) ?? [];
  const opened = (figures.openedByProductGroupAndCause ?? {}) as Record<
    string,
    Record<string, number>
  >;
  const matrix: ReportRow[] = groups.map((g) => ({ key: g, ...(opened[g] ?? {}) }));
  const publication = asRows(figures.publication).map((r) => ({ ...r, key: r.productGroup ?? '' }));
  const consolidated = (figures.consolidated ?? {}) as {
    applies?: boolean;
    halfYear?: string | null;
    vulnerableCustomers?: number;
    vulnerabilityCausedOrWorsenedByFirm?: number;
  };
  const consolidatedRows: ReportRow[] = [
    {
      key: 'vulnerableCustomers',
      value: consolidated.vulnerableCustomers ?? 0,
      measure: 'openedVulnerable',
    },
    {
      key: 'vulnerabilityCausedOrWorsenedByFirm',
      value: consolidated.vulnerabilityCausedOrWorsenedByFirm ?? 0,
      measure: 'openedVulnerabilityCausedByFirm',
    },
  ];
  const label = (r: ReportRow) => code(r.key);
  const measureLabel = (r: ReportRow) => t(`reports.returns.m.${String(r.key)}`);
  return (
    <>
      <p className="mb-4">
        {t('reports.returns.fca.currency', {
          currency,
          taxonomy: (figures.taxonomyVersion as string | null) ?? t('reports.none'),
        })}
      </p>
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.fca.totals')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.fca.totals')}
        rows={totalRows}
        columns={['value']}
        rowHeader={t('reports.dashboard.rowHeader.figure')}
        label={measureLabel}
        currency={(r) => (r.key === 'redressPaid' ? currency : null)}
        columnLabels={{ value: t('reports.returns.value') }}
        drill={
          drill &&
          ((r) => (NOT_DRILLED.has(String(r.key)) ? null : drill({ measure: String(r.key) })))
        }

        valueKindOf={(r) => (r.key === 'redressPaid' ? 'amount' : 'count')}
      />
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.fca.byProductGroup')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.fca.byProductGroup')}
        rows={byGroup}
        columns={FCA_COLUMNS}
        rowHeader={t('reports.returns.fca.productGroup')}
        label={label}
        currency={() => currency}
        drill={
          drill &&
          ((r, col) =>
            NOT_DRILLED.has(col) ? null : drill({ measure: col, productGroup: String(r.key) }))
        }
      />
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.fca.opened')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.fca.opened')}
        rows={matrix}
        columns={causes}
        rowHeader={t('reports.returns.fca.productGroup')}
        label={label}
        columnLabels={Object.fromEntries(causes.map((c) => [c, code(c)]))}
        drill={
          drill &&
          ((r, col) => drill({ measure: 'opened', productGroup: String(r.key), cause: col }))
        }
      />
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.fca.publication')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.fca.publication')}
        rows={publication}
        columns={[
          'opened',
          'closed',
          'percentClosedWithin3BusinessDays',
          'percentClosedWithin8Weeks',
          'percentUpheld',
        ]}
        rowHeader={t('reports.returns.fca.productGroup')}
        label={label}
        drill={
          drill &&
          ((r, col) =>
            col === 'opened' || col === 'closed'
              ? drill({ measure: col, productGroup: String(r.key) })
              : null)
        }
      />
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.fca.consolidated')}</h3>
      <p className="mb-2">
        {t('reports.returns.fca.halfYear')}:{' '}
        {consolidated.halfYear ?? t('reports.returns.fca.notHalfYear')}.{' '}
        {consolidated.applies
          ? t('reports.returns.fca.applies')
          : t('reports.returns.fca.notApplies')}
      </p>
      <Figure
        captionHidden
        caption={t('reports.returns.fca.consolidated')}
        rows={consolidatedRows}
        columns={['value']}
        rowHeader={t('reports.dashboard.rowHeader.figure')}
        label={measureLabel}
        columnLabels={{ value: t('reports.measures.complaints') }}
        drill={drill && ((r) => drill({ measure: String(r.measure) }))}
      />
    </>
  );
}

function OfcomFigures({ figures, drill }: { figures: Record<string, unknown>; drill: Drill }) {
  const { t } = useTranslation();
  const perService = asRows(figures.perService);
  const columns = numericColumns(perService, ['key', 'service']);
  const reasons = asRows(figures.topReasons).map((r) => ({ ...r, key: r.reason ?? '' }));
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.ofcom.perService')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.ofcom.perService')}
        rows={perService}
        totals={figures.totals as ReportRow | undefined}
        columns={columns.length ? columns : ['received']}
        rowHeader={t('reports.returns.ofcom.service')}
        label={(r) => rowLabel(r.key, 'service', t)}
        drill={
          drill &&
          ((r, col, isTotal) =>
            isTotal || NOT_DRILLED.has(col) ? null : drill({ measure: col, key: String(r.key) }))
        }
      />
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.ofcom.topReasons')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.ofcom.topReasons')}
        rows={reasons}
        columns={['received']}
        rowHeader={t('reports.returns.ofcom.reason')}
        label={(r) => rowLabel(r.key, 'cause', t)}
        chart={{ column: 'received' }}
      />
    </>
  );
}

function SpsoFigures({ figures, drill }: { figures: Record<string, unknown>; drill: Drill }) {
  const { t } = useTranslation();
  const stages = asRows(figures.stages);
  const columns = numericColumns(stages, ['key', 'stage']);
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{t('reports.returns.spso.stages')}</h3>
      <Figure
        captionHidden
        caption={t('reports.returns.spso.stages')}
        rows={stages}
        totals={figures.totals as ReportRow | undefined}
        columns={columns.length ? columns : ['closed']}
        rowHeader={t('reports.returns.spso.stage')}
        label={(r) => rowLabel(r.key, 'stage', t)}
        drill={
          drill &&
          ((r, col, isTotal) => (isTotal ? null : drill({ measure: col, key: String(r.key) })))
        }
      />
    </>
  );
}
