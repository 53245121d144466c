// The search box and the filters. Applying them writes them into the URL (the queue reads its
// state from there), so Back, bookmarks and a shared link all restore the same list.
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { settings } from '../../app/settings.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAssignees, useDepartments } from './api.ts';
import { activeFilterCount, type QueueParams } from './queue-params.ts';

const STATES = [
  'received',
  'acknowledged',
  'investigating',
  'awaiting_customer',
  'awaiting_department',
  'response_proposed',
  'responded',
  'reopened',
  'escalated',
  'resolved_on_first_contact',
  'deadlocked',
  'referred_to_adr',
  'withdrawn',
  'closed',
] as const;
const CHANNELS = ['web', 'email', 'phone', 'post', 'in_person', 'api'] as const;
const FLAGS = ['urgent', 'vexatious', 'outside_jurisdiction', 'vulnerable_customer'] as const;
const CLOCKS = [
  'acknowledge',
  'acknowledge_post',
  'phone_written_reply',
  'information_request',
  'resolution_plan',
  'target_resolution',
  'deadlock',
  'transfer_feedback',
  'resolution',
  'summary_resolution',
  'final_response',
] as const;
const SORTS = ['next_due', 'received', '-received'] as const;

export function SearchBox({
  params,
  onApply,
}: {
  params: QueueParams;
  onApply: (p: QueueParams) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...params, q: q.trim() || undefined });
  };
  return (
    <form role="search" onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-64 [&>div]:mb-0">
        <TextField
          id="queue-search"
          type="search"
          label={t('queue.search')}
          hint={t('queue.searchHint')}
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
      </div>
      <Button type="submit">{t('queue.searchButton')}</Button>
    </form>
  );
}

export function QueueFilters({
  params,
  onApply,
}: {
  params: QueueParams;
  onApply: (p: QueueParams) => void;
}) {
  const { t } = useTranslation();
  const count = activeFilterCount(params);
  const [open, setOpen] = useState(count > 0);
  const [draft, setDraft] = useState<QueueParams>(params);
  useEffect(() => setDraft(params), [params]);
  const assignees = useAssignees();
  const departments = useDepartments();
  const set = (k: keyof QueueParams) => (v: string) =>
    setDraft((d) => ({ ...d, [k]: v || undefined }));
  const any = { value: '' as const, label: t('queue.any') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft, view: undefined });
  };
  return (
    <section aria-labelledby="filters-heading" className="mb-6">
      <h2 id="filters-heading" className="sr-only">
        {t('queue.filters')}
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls="queue-filters"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('queue.hideFilters') : t('queue.showFilters')}
        </Button>
        {count > 0 && <span>{t('queue.activeFilters', { count })}</span>}
      </div>
      <form
        id="queue-filters"
        hidden={!open}
        onSubmit={submit}
        className="mt-4 rounded border-2 border-slate-300 p-4"
      >
        <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            id="f-status"
            label={t('queue.f.status')}
            value={draft.status ?? ''}
            onChange={set('status')}
            options={[any, ...STATES.map((s) => ({ value: s, label: t(`queue.status.${s}`) }))]}
          />
          <SelectField
            id="f-policy"
            label={t('queue.f.policy')}
            value={draft.policy ?? ''}
            onChange={set('policy')}
            options={[any, ...settings.policies.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <SelectField
            id="f-channel"
            label={t('queue.f.channel')}
            value={draft.channel ?? ''}
            onChange={set('channel')}
            options={[any, ...CHANNELS.map((c) => ({ value: c, label: t(`queue.channel.${c}`) }))]}
          />
          <SelectField
            id="f-department"
            label={t('queue.f.department')}
            value={draft.department ?? ''}
            onChange={set('department')}
            options={[
              any,
              ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <SelectField
            id="f-assignee"
            label={t('queue.f.assignee')}
            value={draft.assignee ?? ''}
            onChange={set('assignee')}
            options={[
              any,
              { value: 'none', label: t('queue.nobody') },
              ...(assignees.data ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <SelectField
            id="f-flag"
            label={t('queue.f.flag')}
            value={draft.flag ?? ''}
            onChange={set('flag')}
            options={[any, ...FLAGS.map((f) => ({ value: f, label: t(`queue.flag.${f}`) }))]}
          />
          <SelectField
            id="f-clock"
            label={t('queue.f.clock')}
            value={draft.clock ?? ''}
            onChange={set('clock')}
            options={[any, ...CLOCKS.map((c) => ({ value: c, label: t(`queue.clockName.${c}`) }))]}
          />
          <TextField
            id="f-received-from"
            type="date"
            label={t('queue.f.receivedFrom')}
            value={draft.receivedFrom ?? ''}
            onInput={(e) => set('receivedFrom')(e.currentTarget.value)}
          />
          <TextField
            id="f-received-to"
            type="date"
            label={t('queue.f.receivedTo')}
            value={draft.receivedTo ?? ''}
            onInput={(e) => set('receivedTo')(e.currentTarget.value)}
          />
          <TextField
            id="f-category"
            label={t('queue.f.category')}
            value={draft.category ?? ''}
            onInput={(e) => set('category')(e.currentTarget.value)}
          />
          <SelectField
            id="f-sort"
            label={t('queue.f.sort')}
            value={draft.sort ?? ''}
            onChange={set('sort')}
            options={SORTS.map((s) => ({
              value: s === 'next_due' ? '' : s,
              label: t(`queue.sort.${s}`),
            }))}
          />
          <label className="mb-6 inline-flex min-h-11 cursor-pointer items-center gap-3 self-end text-lg font-semibold">
            <input
              type="checkbox"
              checked={draft.overdue === 'true'}
              onChange={(e) => set('overdue')(e.currentTarget.checked ? 'true' : '')}
              className="h-6 w-6 accent-blue-800"
            />
            {t('queue.f.overdue')}
          </label>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('queue.apply')}</Button>
          <Button variant="secondary" onClick={() => onApply({ q: params.q })}>
            {t('queue.clear')}
          </Button>
        </div>
      </form>
    </section>
  );
}
