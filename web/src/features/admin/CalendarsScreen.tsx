// /admin/calendars: a policy's business calendar for a year, as its clocks count it — the
// working week and opening hours, the public holidays (named in the language shown where the
// region has names in it), the corrections an administrator made (each with its reason and who
// made it), the days the policy version itself adds or keeps — and a form to correct a day.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatDay, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { usePolicies, usePolicy, type PolicyDoc, type Schemas } from './admin-api.ts';
import { CalendarCorrection, type Prefill } from './CalendarCorrection.tsx';
import { PolicyPicker } from './PolicyPicker.tsx';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type DayEntry = PolicyDoc['calendar']['add'][number];
type Correction = Schemas['CalendarCorrection'];

/** A YYYY-MM-DD day as an instant at its noon UTC, so that every time zone shows that day. */
const noon = (day: string) => `${day}T12:00:00Z`;
const Day = ({ date }: { date: string }) => (
  <DateTime iso={noon(date)} style="day" timeZone="UTC" />
);
const dateOf = (e: DayEntry) => (typeof e === 'string' ? e : e.date);

/** The days the version itself lists in the year (corrections are shown with their reasons). */
function DayList({ entries, empty }: { entries: DayEntry[]; empty: string }) {
  const lng = currentLanguage();
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="list-disc pl-6">
      {entries.map((e) => {
        const name = typeof e === 'string' ? null : (e.label?.[lng] ?? e.name ?? null);
        return (
          <li key={dateOf(e)} className="py-1">
            <Day date={dateOf(e)} />
            {name && ` — ${name}`}
          </li>
        );
      })}
    </ul>
  );
}

function Corrections({
  items,
  year,
  onCorrect,
}: {
  items: Correction[];
  year: string;
  onCorrect: (date: string, change: 'add' | 'remove') => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (items.length === 0) return <p className="mb-6">{t('admin.calendars.noCorrections')}</p>;
  return (
    <DataTable
      caption={t('admin.calendars.correctionsCaption', { year })}
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        { header: t('admin.calendars.date'), cell: (c) => <Day date={c.date} /> },
        {
          header: t('admin.calendars.change'),
          cell: (c) => (
            <>
              {t(`admin.calendars.changes.${c.change}`)}
              {c.name && <span className="block">{c.name}</span>}
            </>
          ),
        },
        { header: t('admin.calendars.reason'), cell: (c) => c.reason },
        {
          header: t('admin.calendars.by'),
          cell: (c) => (
            <>
              {c.by?.name ?? t('admin.calendars.byCli')}
              <span className="block text-slate-700">
                <DateTime iso={c.at} />
              </span>
            </>
          ),
        },
        {
          header: t('admin.calendars.stands'),
          cell: (c) =>
            c.stands ? (
              <>
                <span className="block">{t('admin.calendars.standsYes')}</span>
                <Button
                  variant="secondary"
                  onClick={() => onCorrect(c.date, c.change === 'add' ? 'remove' : 'add')}
                >
                  {t(`admin.calendars.undo.${c.change}`, {
                    date: formatDay(noon(c.date), lng, 'UTC'),
                  })}
                </Button>
              </>
            ) : (
              t('admin.calendars.standsNo')
            ),
        },
      ]}
    />
  );
}

export function CalendarsScreen() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const list = usePolicies();
  const thisYear = new Date().getFullYear();
  const [chosen, setChosen] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  const detail = usePolicy(id);
  const calendar = useQuery({
    queryKey: ['admin', 'calendar', id, year, lng],
    queryFn: () =>
      call<Schemas['WorkingCalendar']>(
        api.GET('/api/v1/policies/{id}/calendar/{year}', {
          params: { path: { id: id!, year }, query: { lang: lng } },
        }),
      ),
    enabled: !!id,
  });
  const corrections = useQuery({
    queryKey: ['admin', 'calendar-corrections', id, year],
    queryFn: () =>
      call<Schemas['CalendarCorrectionList']>(
        api.GET('/api/v1/policies/{id}/calendar/corrections', {
          params: { path: { id: id! }, query: { year } },
        }),
      ),
    enabled: !!id,
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadFailed error={list.error} retry={() => void list.refetch()} />;
  const version: PolicyDoc | undefined = calendar.data
    ? detail.data?.versions.find((v) => v.version === calendar.data.version)
    : undefined;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - 2 + i));
  const corrected = new Set((corrections.data?.items ?? []).map((c) => c.date));
  const standing = new Set(
    (corrections.data?.items ?? [])
      .filter((c) => c.stands && c.change === 'add')
      .map((c) => c.date),
  );
  const own = (days: DayEntry[]) =>
    days.filter((d) => dateOf(d).startsWith(`${year}-`) && !corrected.has(dateOf(d)));
  return (
    <>
      <div className="grid gap-x-6 sm:grid-cols-2">
        <PolicyPicker policies={list.data.items} value={id ?? ''} onChange={setChosen} />
        <SelectField
          id="year"
          label={t('admin.calendars.year')}
          options={years.map((y) => ({ value: y, label: y }))}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
      </div>
      {calendar.isPending && <Loading />}
      {calendar.isError && (
        <LoadFailed error={calendar.error} retry={() => void calendar.refetch()} />
      )}
      {calendar.data && (
        <>
          <p className="mb-6 max-w-prose">
            {t('admin.calendars.summary', {
              year: calendar.data.year,
              version: calendar.data.version,
              count: calendar.data.count,
              n: formatNumber(calendar.data.count, lng),
              holidays: formatNumber(calendar.data.holidays.length, lng),
              timezone: calendar.data.timezone,
            })}
          </p>
          {version && (
            <Section id="week" title={t('admin.calendars.week')}>
              <dl className="grid max-w-xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">{t('admin.calendars.workingDays')}</dt>
                <dd>
                  {WEEK.filter((d) => version.calendar.workingDays.includes(d))
                    .map((d) => t(`admin.calendars.days.${d}`))
                    .join(', ')}
                </dd>
                <dt className="font-semibold">{t('admin.calendars.openingHours')}</dt>
                <dd>
                  {t('admin.calendars.hours', {
                    start: version.calendar.openingHours.start,
                    end: version.calendar.openingHours.end,
                  })}
                </dd>
                <dt className="font-semibold">{t('admin.calendars.region')}</dt>
                <dd>{version.calendar.holidays ?? t('admin.calendars.noRegion')}</dd>
              </dl>
            </Section>
          )}
          <Section id="holidays" title={t('admin.calendars.holidays')}>
            <DataTable
              caption={t('admin.calendars.holidaysCaption', { year: calendar.data.year })}
              rows={calendar.data.holidays}
              rowKey={(h) => h.date}
              columns={[
                { header: t('admin.calendars.date'), cell: (h) => <Day date={h.date} /> },
                {
                  header: t('admin.calendars.name'),
                  cell: (h) =>
                    h.name ? (
                      <span lang={h.lang === lng ? undefined : h.lang}>{h.name}</span>
                    ) : (
                      t('admin.calendars.unnamed')
                    ),
                },
                {
                  header: t('admin.calendars.kind'),
                  cell: (h) =>
                    t(
                      `admin.calendars.kinds.${h.kind === 'added' && standing.has(h.date) ? 'correction' : h.kind === 'added' ? 'policy' : 'public'}`,
                    ),
                },
              ]}
            />
          </Section>
          <Section id="corrections" title={t('admin.calendars.corrections')}>
            <p className="mb-4 max-w-prose">{t('admin.calendars.correctionsIntro')}</p>
            {corrections.isPending && <Loading />}
            {corrections.isError && (
              <LoadFailed error={corrections.error} retry={() => void corrections.refetch()} />
            )}
            {corrections.data && (
              <Corrections
                items={corrections.data.items}
                year={year}
                onCorrect={(date, change) =>
                  setPrefill((p) => ({ date, change, n: (p?.n ?? 0) + 1 }))
                }
              />
            )}
          </Section>
          {version && (
            <Section id="version-days" title={t('admin.calendars.versionDays')}>
              <p className="mb-4 max-w-prose">
                {t('admin.calendars.versionDaysIntro', { version: version.version, year })}
              </p>
              <h3 className="mb-2 text-xl font-bold">{t('admin.calendars.added')}</h3>
              <DayList entries={own(version.calendar.add)} empty={t('admin.calendars.noneAdded')} />
              <h3 className="mt-4 mb-2 text-xl font-bold">{t('admin.calendars.removed')}</h3>
              <DayList
                entries={own(version.calendar.remove)}
                empty={t('admin.calendars.noneRemoved')}
              />
            </Section>
          )}
          {id && (
            <CalendarCorrection policy={id} timezone={calendar.data.timezone} prefill={prefill} />
          )}
        </>
      )}
    </>
  );
}
