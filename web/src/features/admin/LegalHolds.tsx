// Legal holds: the holds in force (or every hold), each with what it keeps, why, who placed it
// and when; a new hold on a complaint or a customer, with a reason; a release, with a reason.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { RadioGroup, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';
import { AdminForm, FormOutcome, ListMessage, useAdminForm, useOpenRow } from './AdminForm.tsx';

type Hold = Schemas['LegalHold'];

function holdName(h: Hold): string {
  return h.reference ?? h.customerId ?? h.id;
}

function Release({ hold, onDone }: { hold: Hold; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAdminForm({ reason: '' });
  const submit = () =>
    f.run(async () => {
      await call(
        api.POST('/api/v1/privacy/holds/{id}/release', {
          params: { path: { id: hold.id } },
          body: { reason: f.form.reason },
        }),
      );
      await client.invalidateQueries({ queryKey: ['admin', 'privacy'] });
      const done = t('privacy.holds.released', { what: holdName(hold) });
      onDone(done);
      return done;
    });
  return (
    <AdminForm
      onSubmit={submit}
      className="mt-2 rounded border-2 border-blue-800 p-3"
      label={t('privacy.holds.releaseOf', { what: holdName(hold) })}
    >
      <FormOutcome done={null} errors={f.errors} />
      <TextField
        id={`release-${hold.id}`}
        label={t('privacy.holds.releaseReason')}
        autoComplete="off"
        {...f.text('reason')}
      />
      <Button type="submit" variant="danger" disabled={f.busy}>
        {t('privacy.holds.releaseConfirm', { what: holdName(hold) })}
      </Button>
    </AdminForm>
  );
}

function PlaceHold() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAdminForm(
    { on: 'complaint' as 'complaint' | 'customer', target: '', reason: '' },
    { 'COMPLAINT.NOT_FOUND': 'target', 'CUSTOMER.NOT_FOUND': 'target' },
  );
  const submit = () =>
    f.run(
      async () => {
        const target = f.form.target.trim();
        const h = await call<Hold>(
          api.POST('/api/v1/privacy/holds', {
            body: {
              ...(f.form.on === 'complaint' ? { reference: target } : { customerId: target }),
              reason: f.form.reason,
            },
          }),
        );
        await client.invalidateQueries({ queryKey: ['admin', 'privacy'] });
        return t('privacy.holds.placed', { what: holdName(h) });
      },
      { reset: true },
    );
  // The API names the reference field for either target; both are this one field here.
  const targetError =
    f.errors.fields.target ?? f.errors.fields.reference ?? f.errors.fields.customerId;
  return (
    <section aria-labelledby="place-hold-heading" className="mt-6">
      <h3 id="place-hold-heading" className="mb-2 text-xl font-bold">
        {t('privacy.holds.place')}
      </h3>
      <FormOutcome done={f.done} errors={f.errors} />
      <AdminForm onSubmit={submit} label={t('privacy.holds.place')}>
        <RadioGroup
          id="hold-on"
          legend={t('privacy.holds.on')}
          options={[
            { value: 'complaint', label: t('privacy.holds.onComplaint') },
            { value: 'customer', label: t('privacy.holds.onCustomer') },
          ]}
          value={f.form.on}
          onChange={(v) => f.set('on')(v)}
        />
        <TextField
          id="hold-target"
          label={
            f.form.on === 'complaint' ? t('privacy.holds.reference') : t('privacy.holds.customer')
          }
          hint={
            f.form.on === 'complaint'
              ? t('privacy.holds.referenceHint')
              : t('privacy.holds.customerHint')
          }
          autoComplete="off"
          spellCheck={false}
          className="sm:max-w-md"
          {...f.text('target')}
          error={targetError}
        />
        <TextField
          id="hold-reason"
          label={t('privacy.holds.reason')}
          hint={t('privacy.holds.reasonHint')}
          autoComplete="off"
          {...f.text('reason')}
        />
        <Button type="submit" disabled={f.busy}>
          {t('privacy.holds.placeButton')}
        </Button>
      </AdminForm>
    </section>
  );
}

export function LegalHolds({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = useOpenRow();
  const holds = useQuery({
    queryKey: ['admin', 'privacy', 'holds', all],
    queryFn: () =>
      call<Schemas['LegalHoldList']>(
        api.GET('/api/v1/privacy/holds', { params: { query: { all: all ? 'true' : 'false' } } }),
      ),
  });
  const releasing = holds.data?.items.find((h) => rows.isOpen(h.id));
  return (
    <Section id="holds" title={t('privacy.holds.title')}>
      <p className="mb-4 max-w-prose">{t('privacy.holds.intro')}</p>
      <label className="mb-4 inline-flex min-h-11 cursor-pointer items-center gap-3 text-lg">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
          className="h-6 w-6 accent-blue-800"
        />
        {t('privacy.holds.showReleased')}
      </label>
      <ListMessage message={rows.message} />
      {holds.isPending && <Loading />}
      {holds.isError && <LoadFailed error={holds.error} retry={() => void holds.refetch()} />}
      {holds.data && holds.data.items.length === 0 && <p>{t('privacy.holds.none')}</p>}
      {holds.data && holds.data.items.length > 0 && (
        <DataTable
          caption={all ? t('privacy.holds.captionAll') : t('privacy.holds.caption')}
          rows={holds.data.items}
          rowKey={(h) => h.id}
          columns={[
            {
              header: t('privacy.holds.what'),
              cell: (h) =>
                h.reference ? (
                  <>
                    {t('privacy.holds.complaint')}{' '}
                    <Link href={`/complaints/${h.reference}`} className="text-blue-800 underline">
                      {h.reference}
                    </Link>
                  </>
                ) : (
                  <>
                    {t('privacy.holds.customerLabel')} <code>{h.customerId}</code>
                  </>
                ),
            },
            { header: t('privacy.holds.reason'), cell: (h) => h.reason },
            {
              header: t('privacy.holds.placedBy'),
              cell: (h) => (
                <>
                  {h.placedByName ?? t('privacy.holds.cli')}
                  <span className="block text-slate-700">
                    <DateTime iso={h.placedAt} />
                  </span>
                </>
              ),
            },
            {
              header: t('privacy.holds.state'),
              cell: (h) =>
                h.releasedAt ? (
                  <>
                    {t('privacy.holds.releasedBy', {
                      who: h.releasedByName ?? t('privacy.holds.cli'),
                    })}{' '}
                    <DateTime iso={h.releasedAt} />
                    {h.releaseReason && <span className="block">{h.releaseReason}</span>}
                  </>
                ) : manage ? (
                  <Button
                    variant="secondary"
                    aria-expanded={rows.isOpen(h.id)}
                    aria-controls="release-hold"
                    onClick={() => rows.toggle(h.id)}
                  >
                    {t('privacy.holds.release', { what: holdName(h) })}
                  </Button>
                ) : (
                  t('privacy.holds.inForce')
                ),
            },
          ]}
        />
      )}
      <div id="release-hold">
        {releasing && <Release key={releasing.id} hold={releasing} onDone={rows.finish} />}
      </div>
      {manage && <PlaceHold />}
    </Section>
  );
}
