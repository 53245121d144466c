// /admin/calendars: a policy's business calendar for a year, as its clocks count it — the
// working week and opening hours, the public holidays, and the days the policy itself adds
// or removes (changed by adding a policy version).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { usePolicies, usePolicy, type PolicyDoc, type Schemas } from './admin-api.ts';
import { PolicyPicker } from './PolicyPicker.tsx';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type DayEntry = PolicyDoc['calendar']['add'][number];

/** A YYYY-MM-DD day as an instant at its noon UTC, so that every time zone shows that day. */
const noon = (day: string) => `${day}T12:00:00Z`;

function DayList({ entries, empty }: { entries: DayEntry[]; empty: string }) {
  const lng = currentLanguage();
  if (entries.length === 0) return <p>{empty}</p>;
  return (
    <ul className="list-disc pl-6">
      {entries.map((e) => {
        const day = typeof e === 'string' ? e : e.date;
        const name = typeof e === 'string' ? null : (e.label?.[lng] ?? e.name ?? e.note ?? null);
        return (
          <li key={day} className="py-1">
            <DateTime iso={noon(day)} style="day" timeZone="UTC" />
            {name && ` — ${name}`}
          </li>
        );
      })}
    </ul>
  );
}

export function CalendarsScreen() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const list = usePolicies();
  const thisYear = new Date().getFullYear();
  const [chosen, setChosen] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const id = chosen ?? list.data?.items[0]?.id ?? null;
  const detail = usePolicy(id);
  const calendar = useQuery({
    queryKey: ['admin', 'calendar', id, year],
    queryFn: () =>
      call<Schemas['WorkingCalendar']>(
        api.GET('/api/v1/policies/{id}/calendar/{year}', {
          params: { path: { id: id!, year }, query: {} },
        }),
      ),
    enabled: !!id,
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadFailed error={list.error} retry={() => void list.refetch()} />;
  const version: PolicyDoc | undefined = calendar.data
    ? detail.data?.versions.find((v) => v.version === calendar.data.version)
    : undefined;
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String);
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
                {
                  header: t('admin.calendars.date'),
                  cell: (h) => <DateTime iso={noon(h.date)} style="day" timeZone="UTC" />,
                },
                { header: t('admin.calendars.name'), cell: (h) => h.name },
              ]}
            />
          </Section>
          {version && (
            <Section id="corrections" title={t('admin.calendars.corrections')}>
              <p className="mb-4 max-w-prose">
                {t('admin.calendars.correctionsIntro')}{' '}
                <Link href="/admin/policies" className="text-blue-800 underline">
                  {t('admin.calendars.toPolicies')}
                </Link>
              </p>
              <h3 className="mb-2 text-xl font-bold">{t('admin.calendars.added')}</h3>
              <DayList entries={version.calendar.add} empty={t('admin.calendars.noneAdded')} />
              <h3 className="mt-4 mb-2 text-xl font-bold">{t('admin.calendars.removed')}</h3>
              <DayList entries={version.calendar.remove} empty={t('admin.calendars.noneRemoved')} />
            </Section>
          )}
        </>
      )}
    </>
  );
}
