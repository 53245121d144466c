// Recording a customer's request about their data (POST /privacy/requests): whose, what they
// ask for, when it arrived (the deadlines run from then) and — when their complaints do not
// say — whose rules apply. Then a link to the request, where it is worked.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, ApiError, call } from '../../api/client.ts';
import { settings } from '../../app/settings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/Field.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { AdminForm, FormOutcome, useAdminForm } from './AdminForm.tsx';
import { customerOf, type DataRequest } from './DataRequests.tsx';

const KINDS = ['access', 'erasure', 'restriction'] as const;

/** "2026-12-01T09:00" in the browser's time, for <input type=datetime-local>. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset(), 0, 0);
  return d.toISOString().slice(0, 16);
}

export function NewDataRequest() {
  const { t } = useTranslation();
  const N = 'privacy.requests.new';
  const client = useQueryClient();
  const [made, setMade] = useState<DataRequest | null>(null);
  const f = useAdminForm(
    {
      customerId: '',
      kind: 'access' as (typeof KINDS)[number],
      receivedAt: localNow(),
      policy: '',
    },
    { 'CUSTOMER.NOT_FOUND': 'customerId', 'POLICY.NOT_FOUND': 'policy' },
  );
  const received = f.form.receivedAt ? new Date(f.form.receivedAt) : null;
  const submit = async () => {
    setMade(null);
    const ok = await f.run(
      async () => {
        // A date-time half typed reads as empty: say so rather than record it as now.
        if (!received || Number.isNaN(received.getTime())) {
          throw new ApiError(400, 'INPUT.INVALID', 'receivedAt', [
            { path: 'receivedAt', message: t(`${N}.receivedAtInvalid`) },
          ]);
        }
        const r = await call<DataRequest>(
          api.POST('/api/v1/privacy/requests', {
            body: {
              customerId: f.form.customerId.trim(),
              kind: f.form.kind,
              receivedAt: received.toISOString(),
              ...(f.form.policy ? { policy: f.form.policy } : {}),
            },
          }),
        );
        setMade(r);
        await client.invalidateQueries({ queryKey: ['admin', 'privacy'] });
        return t(`${N}.recorded`);
      },
      { reset: true },
    );
    if (!ok) setMade(null);
  };
  // The server's words for an empty field, and for a customer without a complaint, said plainly.
  const customerError = f.errors.fields.customerId
    ? f.form.customerId.trim()
      ? f.errors.fields.customerId
      : t(`${N}.customerMissing`)
    : undefined;
  const policyError = f.errors.fields.policy
    ? f.form.policy
      ? f.errors.fields.policy
      : t(`${N}.noPolicy`)
    : undefined;
  return (
    <section aria-labelledby="new-request-heading" className="mt-6">
      <h3 id="new-request-heading" className="mb-2 text-xl font-bold">
        {t(`${N}.title`)}
      </h3>
      <div aria-live="polite">
        {f.done && made && (
          <Alert tone="success" title={f.done}>
            <Link
              href={`/admin/privacy/requests/${made.id}`}
              className="font-semibold text-blue-800 underline"
            >
              {t(`${N}.open`, {
                name: t('privacy.requests.linkText', {
                  kind: t(`privacy.requests.kinds.${made.kind}`),
                  customer: customerOf(made),
                }),
              })}
            </Link>
          </Alert>
        )}
      </div>
      <FormOutcome done={null} errors={f.errors} />
      <AdminForm onSubmit={submit} label={t(`${N}.title`)}>
        <TextField
          id="dsr-customer"
          label={t(`${N}.customer`)}
          hint={t(`${N}.customerHint`)}
          autoComplete="off"
          spellCheck={false}
          className="sm:max-w-md"
          {...f.text('customerId')}
          error={customerError}
        />
        <RadioGroup
          id="dsr-kind"
          legend={t(`${N}.kind`)}
          options={KINDS.map((k) => ({ value: k, label: t(`privacy.requests.kinds.${k}`) }))}
          value={f.form.kind}
          error={f.errors.fields.kind}
          onChange={(v) => f.set('kind')(v)}
        />
        <TextField
          id="dsr-received"
          type="datetime-local"
          label={t(`${N}.receivedAt`)}
          hint={t(`${N}.receivedAtHint`)}
          className="sm:max-w-xs"
          {...f.text('receivedAt')}
        />
        <SelectField
          id="dsr-policy"
          label={t(`${N}.policy`)}
          options={[
            { value: '', label: t(`${N}.policyLatest`) },
            ...settings.policies.map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={f.form.policy}
          error={policyError}
          onChange={(v) => f.set('policy')(v)}
        />
        <Button type="submit" disabled={f.busy}>
          {t(`${N}.submit`)}
        </Button>
      </AdminForm>
    </section>
  );
}
