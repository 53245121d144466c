// The lessons-learned register: search closed complaints by words, root cause, product, period
// and the state of their corrective actions; each lesson with its corrective actions, which
// managers add and update here (the API's capability flag decides who may).
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Session } from '../../api/types.ts';
import { Alert, LiveRegion } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDay } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  useLessons,
  useOwners,
  useRefreshLessons,
  type CorrectiveAction,
  type LessonEntry,
  type LessonsQuery,
} from './api.ts';
import { CorrectiveActionForm } from './CorrectiveActionForm.tsx';

type Filters = {
  q: string;
  rootCause: string;
  product: string;
  from: string;
  to: string;
  actions: '' | 'overdue' | 'open' | 'none';
};
const EMPTY: Filters = { q: '', rootCause: '', product: '', from: '', to: '', actions: '' };

function queryOf(f: Filters): LessonsQuery {
  const q: LessonsQuery = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.rootCause) q.rootCause = f.rootCause;
  if (f.product) q.product = f.product;
  if (f.from && f.to) {
    q.from = f.from;
    q.to = f.to;
  }
  if (f.actions) q.actions = f.actions;
  return q;
}

/** A calendar date (YYYY-MM-DD) in words, the same day whatever the zone. */
const day = (ymd: string, lng: ReturnType<typeof currentLanguage>) =>
  formatDay(`${ymd}T12:00:00Z`, lng, 'UTC');

export function LessonsScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const register = useLessons(queryOf(applied));
  const canManage = session.capabilities['lesson.manage'] === true;
  const owners = useOwners(canManage && session.capabilities['user.read'] === true);
  const set = (k: keyof Filters) => (v: string) => setDraft((p) => ({ ...p, [k]: v }));
  const facets = register.data?.facets ?? { rootCauses: [], products: [] };
  const choices = (list: string[], current: string) => [
    { value: '', label: t('lessons.any') },
    ...[...new Set([...list, ...(current ? [current] : [])])].map((x) => ({ value: x, label: x })),
  ];
  const search = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };

  return (
    <>
      <p className="mb-6 max-w-prose">{t('lessons.intro')}</p>
      <search>
        <form
          noValidate
          onSubmit={search}
          aria-label={t('lessons.search')}
          className="mb-6 rounded border-2 border-slate-300 p-3 sm:p-4"
        >
          <h2 className="mb-3 text-2xl font-bold text-slate-900">{t('lessons.search')}</h2>
          <TextField
            id="lessons-q"
            label={t('lessons.words')}
            hint={t('lessons.wordsHint')}
            type="search"
            value={draft.q}
            onChange={(e) => set('q')(e.currentTarget.value)}
          />
          <div className="grid gap-x-6 sm:grid-cols-2">
            <SelectField
              id="lessons-root-cause"
              label={t('lessons.rootCause')}
              value={draft.rootCause}
              options={choices(facets.rootCauses, draft.rootCause)}
              onChange={set('rootCause')}
            />
            <SelectField
              id="lessons-product"
              label={t('lessons.product')}
              value={draft.product}
              options={choices(facets.products, draft.product)}
              onChange={set('product')}
            />
            <TextField
              id="lessons-from"
              label={t('lessons.from')}
              type="date"
              value={draft.from}
              onChange={(e) => set('from')(e.currentTarget.value)}
              className="sm:max-w-md"
            />
            <TextField
              id="lessons-to"
              label={t('lessons.to')}
              type="date"
              value={draft.to}
              onChange={(e) => set('to')(e.currentTarget.value)}
              className="sm:max-w-md"
            />
            <SelectField
              id="lessons-actions"
              label={t('lessons.actionsFilter')}
              value={draft.actions}
              options={[
                { value: '', label: t('lessons.actionsAny') },
                { value: 'overdue', label: t('lessons.actionsOverdue') },
                { value: 'open', label: t('lessons.actionsOpen') },
                { value: 'none', label: t('lessons.actionsNone') },
              ]}
              onChange={(v) => set('actions')(v)}
            />
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit">{t('lessons.apply')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(EMPTY);
                setApplied(EMPTY);
              }}
            >
              {t('lessons.clear')}
            </Button>
          </div>
        </form>
      </search>
      {register.isError ? (
        <LoadFailed error={register.error} retry={() => void register.refetch()} />
      ) : !register.data ? (
        <Loading />
      ) : (
        <>
          <LiveRegion>
            <p className="mb-2 text-lg font-semibold">
              {t('lessons.results', { count: register.data.items.length })}
            </p>
          </LiveRegion>
          {register.data.overdue > 0 && (
            <Alert tone="error">
              {t('lessons.overdueCount', { count: register.data.overdue })}
            </Alert>
          )}
          {!canManage && <p className="mb-4 text-slate-800">{t('lessons.readOnly')}</p>}
          {register.data.items.length === 0 ? (
            <p>{t('lessons.empty')}</p>
          ) : (
            <ol className="divide-y-2 divide-slate-200 border-y-2 border-slate-200">
              {register.data.items.map((l) => (
                <Lesson key={l.reference} l={l} canManage={canManage} owners={owners.data ?? []} />
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}

function Lesson({
  l,
  canManage,
  owners,
}: {
  l: LessonEntry;
  canManage: boolean;
  owners: { id: string; name: string; active: boolean }[];
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const refresh = useRefreshLessons();
  const [form, setForm] = useState<'new' | number | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const rootCause = l.rootCause ?? l.cause;
  const product = l.product ?? l.productCode;
  const done = async () => {
    setForm(null);
    setSaid(t('lessons.saved'));
    await refresh();
  };
  const field = (label: string, value: string | null) => (
    <div className="sm:flex sm:gap-3">
      <dt className="font-semibold sm:w-44 sm:shrink-0">{label}</dt>
      <dd className="mb-2 whitespace-pre-wrap break-words">{value ?? t('lessons.none')}</dd>
    </div>
  );
  return (
    <li className="py-4 sm:px-2">
      <article aria-labelledby={`lesson-${l.reference}`}>
        <h2 id={`lesson-${l.reference}`} className="mb-1 text-xl font-bold">
          <Link
            href={`/complaints/${l.reference}`}
            className="inline-flex min-h-11 flex-col py-1 text-blue-800 underline sm:flex-row sm:items-center"
          >
            <span className="whitespace-nowrap sm:mr-2">{l.reference}</span>
            <span className="break-words">{l.subject}</span>
          </Link>
        </h2>
        <p className="mb-2 text-slate-800">
          {t('lessons.closedOn', { date: formatDay(l.closedAt, lng) })}
        </p>
        <dl className="mb-3">
          {field(t('lessons.outcome'), l.outcome ? t(`case.options.outcome.${l.outcome}`) : null)}
          {field(t('lessons.rootCause'), rootCause)}
          {field(t('lessons.product'), product)}
          {field(t('lessons.summary'), l.summary)}
          {field(t('lessons.lesson'), l.lessonsLearned)}
        </dl>
        <h3 className="mb-2 text-lg font-bold">{t('lessons.actions')}</h3>
        <LiveRegion>
          {said && <p className="mb-2 font-semibold text-green-900">{said}</p>}
        </LiveRegion>
        {l.actions.length === 0 ? (
          <p className="mb-3">{t('lessons.noActions')}</p>
        ) : (
          <ul className="mb-3 space-y-3">
            {l.actions.map((a) => (
              <li key={a.id} className="border-l-4 border-slate-400 pl-3">
                <ActionLine a={a} />
                {canManage &&
                  (form === a.id ? (
                    <CorrectiveActionForm
                      reference={l.reference}
                      action={a}
                      owners={owners}
                      onDone={done}
                      onCancel={() => setForm(null)}
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      className="mt-2"
                      aria-label={t('lessons.editOf', { description: a.description })}
                      onClick={() => {
                        setSaid(null);
                        setForm(a.id);
                      }}
                    >
                      {t('lessons.edit')}
                    </Button>
                  ))}
              </li>
            ))}
          </ul>
        )}
        {canManage &&
          (form === 'new' ? (
            <CorrectiveActionForm
              reference={l.reference}
              owners={owners}
              onDone={done}
              onCancel={() => setForm(null)}
            />
          ) : (
            <Button
              variant="secondary"
              aria-label={t('lessons.addTo', { reference: l.reference })}
              onClick={() => {
                setSaid(null);
                setForm('new');
              }}
            >
              {t('lessons.add')}
            </Button>
          ))}
      </article>
    </li>
  );
}

function ActionLine({ a }: { a: CorrectiveAction }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <>
      <p className="break-words font-semibold">{a.description}</p>
      <p className="text-slate-800">
        {t('lessons.ownerDue', { owner: a.owner.name, date: day(a.dueOn, lng) })}
      </p>
      {a.doneOn && (
        <p className="text-slate-800">{t('lessons.doneDate', { date: day(a.doneOn, lng) })}</p>
      )}
      <p className="mt-1 flex flex-wrap gap-2">
        {a.overdue && <StatusBadge tone="bad">{t('lessons.overdueBadge')}</StatusBadge>}
        <StatusBadge tone={a.doneOn ? 'good' : 'neutral'}>
          {a.doneOn ? t('lessons.doneBadge') : t('lessons.notDone')}
        </StatusBadge>
        <StatusBadge
          tone={
            a.effectiveness === 'effective'
              ? 'good'
              : a.effectiveness === 'not_effective'
                ? 'bad'
                : 'neutral'
          }
        >
          {t(`lessons.badge.${a.effectiveness}`)}
        </StatusBadge>
      </p>
      {a.effectivenessNote && <p className="mt-1 break-words">{a.effectivenessNote}</p>}
    </>
  );
}
