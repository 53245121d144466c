// /audit: the trail, filtered by complaint, actor, kind and period, newest first; the chain's
// verification; and the filtered trail as a CSV or JSON download.
import { useState, type FormEvent } from 'react';
import { fieldIssues } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { issueText } from '../../lib/field-issues.ts';
import { useUsers } from '../admin/admin-api.ts';
import {
  EMPTY_FILTER,
  exportHref,
  useAuditEvents,
  type AuditEvent,
  type AuditFilter,
} from './audit-api.ts';
import { Verification } from './Verification.tsx';

const LINK =
  'inline-flex min-h-11 items-center rounded border-2 border-blue-800 bg-white px-4 font-semibold text-blue-900 underline';

export function AuditScreen({ canReadUsers }: { canReadUsers: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const users = useUsers(canReadUsers);
  const events = useAuditEvents(filter);
  const issues = fieldIssues(events.error);
  const issueFor = (field: string) => {
    const issue = issues.find((i) => i.path === field || i.path.endsWith(`.${field}`));
    return issue && issueText(issue, t);
  };
  const set = (k: keyof AuditFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Section id="filter" title={t('audit.filter.title')}>
        <form onSubmit={submit} noValidate>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField
              id="audit-complaint"
              label={t('audit.filter.complaint')}
              hint={t('audit.filter.complaintHint')}
              optional
              value={draft.complaint}
              error={issueFor('complaint')}
              onInput={(e) => set('complaint')(e.currentTarget.value)}
            />
            <SelectField
              id="audit-actor"
              label={t('audit.filter.actor')}
              optional
              value={draft.actor}
              error={issueFor('actor')}
              onChange={(v) => set('actor')(v)}
              options={[
                { value: '', label: t('audit.filter.anyone') },
                ...(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.name} (${u.email})`,
                })),
              ]}
            />
            <TextField
              id="audit-kind"
              label={t('audit.filter.kind')}
              hint={t('audit.filter.kindHint')}
              optional
              value={draft.kind}
              error={issueFor('kind')}
              onInput={(e) => set('kind')(e.currentTarget.value)}
            />
            <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
              <TextField
                id="audit-from"
                type="date"
                label={t('audit.filter.from')}
                optional
                value={draft.from}
                error={issueFor('from')}
                onInput={(e) => set('from')(e.currentTarget.value)}
              />
              <TextField
                id="audit-to"
                type="date"
                label={t('audit.filter.to')}
                optional
                value={draft.to}
                error={issueFor('to')}
                onInput={(e) => set('to')(e.currentTarget.value)}
              />
            </div>
          </div>
          <div className="flex flex-wrap gap-4">
            <Button type="submit">{t('audit.filter.show')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(EMPTY_FILTER);
                setFilter(EMPTY_FILTER);
              }}
            >
              {t('audit.filter.clear')}
            </Button>
          </div>
        </form>
      </Section>
      <Verification complaint={filter.complaint} />
      <Section id="events" title={t('audit.events.title')}>
        <div className="mb-4 flex flex-wrap gap-4">
          <a href={exportHref(filter, 'csv')} download className={LINK}>
            {t('audit.export.csv')}
          </a>
          <a href={exportHref(filter, 'json')} download className={LINK}>
            {t('audit.export.json')}
          </a>
        </div>
        {events.isPending && <Loading />}
        {events.isError && issues.length === 0 && (
          <LoadFailed error={events.error} retry={() => void events.refetch()} />
        )}
        {events.isError && issues.length > 0 && (
          <p role="alert" className="font-semibold text-red-700">
            {t('audit.filter.fix')}
          </p>
        )}
        {events.data && rows.length === 0 && <p>{t('audit.events.none')}</p>}
        {rows.length > 0 && <EventTable rows={rows} />}
        {events.hasNextPage && (
          <Button
            variant="secondary"
            disabled={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('audit.events.more')}
          </Button>
        )}
      </Section>
    </>
  );
}

function EventTable({ rows }: { rows: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <div
      role="region"
      aria-label={t('audit.events.caption')}
      tabIndex={0}
      className="mb-6 overflow-x-auto"
    >
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">
          {t('audit.events.caption')}
        </caption>
        <thead>
          <tr>
            {(['when', 'stream', 'kind', 'who', 'reason'] as const).map((c) => (
              <th key={c} scope="col" className="border-b-2 border-slate-700 p-2">
                {t(`audit.events.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className="border-b border-slate-300 align-top">
              <td className="p-2 whitespace-nowrap">
                <DateTime iso={e.at} />
              </td>
              <td className="p-2">
                {e.stream === 'system' ? t('audit.events.system') : <code>{e.stream}</code>}
                <span className="block text-sm text-slate-700">
                  {t('audit.events.seq', { n: e.seq })}
                </span>
              </td>
              <td className="p-2">
                <code>{e.type}</code>
              </td>
              <td className="p-2">
                {e.actor.name ?? <code>{e.actor.id}</code>}
                <span className="block text-sm text-slate-700">
                  {t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })}
                </span>
              </td>
              <td className="p-2">
                {e.reason ?? '—'}
                <details className="mt-1">
                  <summary className="min-h-11 cursor-pointer py-2 text-blue-800 underline">
                    {t('audit.events.details', { n: e.seq, stream: e.stream })}
                  </summary>
                  <pre className="max-w-md overflow-x-auto text-sm whitespace-pre-wrap">
                    {JSON.stringify(e.data, null, 2)}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
