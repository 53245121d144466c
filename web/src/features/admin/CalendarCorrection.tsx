// Correcting a day of a policy's calendar without a new version: first what it would do (how many
// open complaints' clocks move, and which), then, confirmed, the correction and what it did.
// The API re-times the clocks; this form only shows its answers.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDay, formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';
import { AdminForm, FormOutcome, useAdminForm } from './AdminForm.tsx';

type Corrected = Schemas['CalendarCorrected'];
export type Change = 'add' | 'remove';
/** A day the form starts from (a row's "correct again"), with a counter so the same day twice
 *  still refills it. */
export interface Prefill {
  date: string;
  change: Change;
  n: number;
}

function Retimed({ result, timezone }: { result: Corrected; timezone: string }) {
  const { t } = useTranslation();
  if (result.retimed.length === 0) return null;
  return (
    <ul className="mt-2 list-disc pl-6">
      {result.retimed.map((r) => (
        <li key={`${r.reference}-${r.clock}`}>
          <Link href={`/complaints/${r.reference}`} className="text-blue-800 underline">
            {r.reference}
          </Link>
          {', '}
          {t(`queue.clockName.${r.clock}`, { defaultValue: r.clock })}
          {': '}
          {r.from ? <DateTime iso={r.from} timeZone={timezone} /> : '—'}
          {' → '}
          {r.to ? <DateTime iso={r.to} timeZone={timezone} /> : '—'}
        </li>
      ))}
    </ul>
  );
}

export function CalendarCorrection({
  policy,
  timezone,
  prefill,
}: {
  policy: string;
  timezone: string;
  prefill: Prefill | null;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const client = useQueryClient();
  const f = useAdminForm({ date: '', change: 'add' as Change, name: '', reason: '' });
  const [preview, setPreview] = useState<Corrected | null>(null);
  const [made, setMade] = useState<Corrected | null>(null);
  useEffect(() => {
    if (!prefill) return;
    f.set('date')(prefill.date);
    f.set('change')(prefill.change);
    setPreview(null);
    document.getElementById('correction-date')?.scrollIntoView({ block: 'center' });
    document.getElementById('correction-reason')?.focus();
  }, [prefill?.n]);
  const body = () => ({
    date: f.form.date,
    change: f.form.change,
    reason: f.form.reason,
    ...(f.form.name.trim() ? { name: f.form.name } : {}),
  });
  const edited =
    <K extends 'date' | 'change' | 'name' | 'reason'>(k: K) =>
    (v: string) => {
      f.set(k)(v as never);
      setPreview(null);
    };
  const n = (x: number) => formatNumber(x, lng);
  const onPreview = () =>
    f.run(async () => {
      setMade(null);
      const p = await call<Corrected>(
        api.POST('/api/v1/policies/{id}/calendar/corrections/preview', {
          params: { path: { id: policy } },
          body: body(),
        }),
      );
      setPreview(p);
      return '';
    });
  const onConfirm = () =>
    f.run(
      async () => {
        const r = await call<Corrected>(
          api.POST('/api/v1/policies/{id}/calendar/corrections', {
            params: { path: { id: policy } },
            body: body(),
          }),
        );
        setPreview(null);
        setMade(r);
        await client.invalidateQueries({ queryKey: ['admin'] });
        return '';
      },
      { reset: true },
    );
  const day = (date: string) => formatDay(`${date}T12:00:00Z`, lng, 'UTC');
  return (
    <Section id="correct" title={t('admin.calendars.correct.title')}>
      <p className="mb-4 max-w-prose">{t('admin.calendars.correct.intro')}</p>
      <div aria-live="polite">
        {made && (
          <Alert
            tone="success"
            title={t(`admin.calendars.correct.made.${made.change}`, { day: day(made.date) })}
          >
            <p>
              {made.complaints === 0
                ? t('admin.calendars.correct.retimedDoneNone')
                : t('admin.calendars.correct.retimedDone', {
                    count: made.complaints,
                    n: n(made.complaints),
                  })}
            </p>
            <Retimed result={made} timezone={timezone} />
          </Alert>
        )}
      </div>
      <FormOutcome done={null} errors={f.errors} />
      <AdminForm onSubmit={onPreview} label={t('admin.calendars.correct.title')}>
        <TextField
          id="correction-date"
          type="date"
          label={t('admin.calendars.correct.date')}
          hint={t('admin.calendars.correct.dateHint', { timezone })}
          value={f.form.date}
          error={f.errors.fields.date}
          onInput={(e) => edited('date')(e.currentTarget.value)}
          className="sm:max-w-xs"
        />
        <RadioGroup
          id="correction-change"
          legend={t('admin.calendars.correct.change')}
          options={[
            { value: 'add', label: t('admin.calendars.correct.add') },
            { value: 'remove', label: t('admin.calendars.correct.remove') },
          ]}
          value={f.form.change}
          error={f.errors.fields.change}
          onChange={(v) => edited('change')(v)}
        />
        <TextField
          id="correction-name"
          label={t('admin.calendars.correct.name')}
          hint={t('admin.calendars.correct.nameHint')}
          optional
          value={f.form.name}
          error={f.errors.fields.name}
          onInput={(e) => edited('name')(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextField
          id="correction-reason"
          label={t('admin.calendars.correct.reason')}
          hint={t('admin.calendars.correct.reasonHint')}
          value={f.form.reason}
          error={f.errors.fields.reason}
          onInput={(e) => edited('reason')(e.currentTarget.value)}
          autoComplete="off"
        />
        <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={f.busy}>
          {t('admin.calendars.correct.preview')}
        </Button>
      </AdminForm>
      <div aria-live="polite" className="mt-6">
        {preview && (
          <div className="rounded border-2 border-blue-800 p-4">
            <p className="font-semibold">
              {t(`admin.calendars.correct.would.${preview.change}`, { day: day(preview.date) })}
            </p>
            <p>
              {preview.complaints === 0
                ? t('admin.calendars.correct.retimedNone')
                : t('admin.calendars.correct.retimedPreview', {
                    count: preview.complaints,
                    n: n(preview.complaints),
                  })}
            </p>
            <Retimed result={preview} timezone={timezone} />
            <div className="mt-4">
              <Button disabled={f.busy} onClick={() => void onConfirm()}>
                {t('admin.calendars.correct.confirm')}
              </Button>
            </div>
          </div>
        )}
      </div>
    </Section>
  );
}
