// The dashboard's satisfaction section: ratings by overall score, each survey question's
// answers (how many gave each score, the average), and the latest comments in the customers'
// own words, each linking to its complaint.
import { Link } from 'wouter';
import { DateTime } from '../../components/DateTime.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  reportCsvHref,
  useReport,
  useSatisfactionComments,
  type Report,
  type ReportRow,
} from './api.ts';
import { Figure } from './Figure.tsx';
import { formatCell } from './format.ts';
import { reportDrillHref } from './links.ts';
import type { Period } from './period.ts';

/** The survey's questions, as the report names their columns. */
const QUESTIONS = ['keptInformed', 'speed', 'fairness', 'overall'] as const;
const SCORES = [1, 2, 3, 4, 5] as const;
const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function Satisfaction({
  period,
  drill,
}: {
  period: Period;
  drill: (report: Report) => (row: ReportRow, column: string, isTotal: boolean) => string | null;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const q = useReport('satisfaction', period, 'score');
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  const rated = Number(r.totals.rated ?? 0);
  return (
    <>
      {rated > 0 && (
        <p className="mb-4 text-lg">
          {t('reports.dashboard.averageScore', {
            score: formatCell(r.totals.averageScore, 'average', lng),
            count: rated,
            ratings: formatCell(rated, 'count', lng),
            comments: formatCell(r.totals.withComment, 'count', lng),
          })}
        </p>
      )}
      <Figure
        caption={t('reports.dashboard.tables.satisfaction')}
        rows={r.rows}
        totals={r.totals}
        columns={['rated', 'withComment']}
        rowHeader={t('reports.dashboard.rowHeader.score')}
        label={(row) => String(row.key)}
        drill={drill(r)}
        chart={{ column: 'rated' }}
        csv={reportCsvHref('satisfaction', period, 'score')}
      />
      {rated > 0 && <Questions period={period} totals={r.totals} />}
      <Comments period={period} />
    </>
  );
}

/** One row per question from the report's totals: answered, each score, the average. */
function Questions({ period, totals }: { period: Period; totals: ReportRow }) {
  const { t } = useTranslation();
  const rows: ReportRow[] = QUESTIONS.map((q) => ({
    key: q,
    answered: totals[`${q}Answered`] ?? 0,
    ...Object.fromEntries(SCORES.map((n) => [`score${n}`, totals[`${q}${n}`] ?? 0])),
    average: totals[`average${capitalised(q)}`] ?? null,
  }));
  const columnLabels: Record<string, string> = {
    answered: t('reports.satisfaction.answered'),
    average: t('reports.measures.averageScore'),
    ...Object.fromEntries(SCORES.map((n) => [`score${n}`, t('reports.satisfaction.score', { n })])),
  };
  return (
    <Figure
      caption={t('reports.satisfaction.questionsCaption')}
      rows={rows}
      columns={['answered', ...SCORES.map((n) => `score${n}`), 'average']}
      columnLabels={columnLabels}
      rowHeader={t('reports.satisfaction.question')}
      label={(row) => t(`reports.satisfaction.questions.${String(row.key)}`)}
      // The complaints behind a cell: the report's own measure, for the policy shown.
      drill={(row, column) =>
        period.policy
          ? reportDrillHref(
              period,
              'satisfaction',
              'policy',
              period.policy,
              column === 'answered'
                ? `${String(row.key)}Answered`
                : `${String(row.key)}${column.slice(5)}`,
            )
          : null
      }
      csv={reportCsvHref('satisfaction', period, 'policy')}
    />
  );
}

function Comments({ period }: { period: Period }) {
  const { t } = useTranslation();
  const q = useSatisfactionComments(period);
  return (
    <section aria-labelledby="satisfaction-comments" className="max-w-4xl">
      <h3 id="satisfaction-comments" className="mb-2 text-xl font-bold">
        {t('reports.satisfaction.commentsTitle')}
      </h3>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <LoadFailed error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <p>{t('reports.satisfaction.noComments')}</p>
      ) : (
        <>
          <p className="mb-3 text-slate-800">{t('reports.satisfaction.commentsIntro')}</p>
          <ol className="space-y-3">
            {q.data.items.map((c) => (
              <li key={c.reference} className="rounded border border-slate-400 p-3">
                <blockquote className="mb-2 whitespace-pre-wrap break-words text-lg">
                  {c.comment}
                </blockquote>
                <p className="flex flex-wrap items-center gap-x-3 text-slate-800">
                  <span>{t('reports.satisfaction.overall', { score: c.score })}</span>
                  <span>
                    {t('reports.satisfaction.rated')}{' '}
                    <DateTime
                      iso={c.ratedAt ?? c.closedAt}
                      timeZone={q.data.period.timezone}
                      style="moment"
                    />
                  </span>
                  <Link
                    href={`/complaints/${encodeURIComponent(c.reference)}`}
                    className="inline-flex min-h-11 items-center font-mono text-blue-800 underline"
                  >
                    {c.reference}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
