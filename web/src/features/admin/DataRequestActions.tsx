// What can be done on a data-subject request now: one button per action the API allows
// (`allowedActions` — the rule is the server's, never repeated here), each opening the form its
// payload needs — the processors for starting, the reason for an extension, the outcome and
// text of the answer, a confirmation for erasure. The export is the customer's ZIP download.
// An erasure the law refuses says why and until when, and restriction is offered instead.
import { useRef, useState } from 'react';
import { api, ApiError, call } from '../../api/client.ts';
import { policyFacts } from '../../app/settings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup, TextArea, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDay } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { AdminForm, FormOutcome, ListMessage, useAdminForm } from './AdminForm.tsx';
import { customerOf, type DataRequest } from './DataRequests.tsx';

type Step = DataRequest['allowedActions'][number];
type Action = Exclude<Step, 'export' | 'erase' | 'restrict'>;

/** Steps that need a form (a payload, or a confirmation); the others act at once. */
const WITH_FORM = new Set<Step>(['start', 'extend', 'answer', 'erase', 'restrict']);

/** The outcomes an answer can record, for each kind of request. */
const OUTCOMES: Record<DataRequest['kind'], string[]> = {
  access: ['exported', 'refused'],
  erasure: ['erased', 'restricted', 'refused'],
  restriction: ['restricted', 'refused'],
};

const BUTTON_LINK =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded border-2 border-blue-800 bg-white px-4 py-2 text-base font-semibold text-blue-900 no-underline hover:bg-blue-50';

const actOn = (r: DataRequest, action: Action, body: Record<string, unknown> = {}) =>
  call<DataRequest>(
    api.POST('/api/v1/privacy/requests/{id}/actions/{action}', {
      params: { path: { id: r.id, action } },
      body,
    }),
  );

interface Refusal {
  duty?: 'retention' | 'customer_hold' | 'complaint_hold' | 'open_complaint';
  until?: string | null;
  complaints?: string[];
}

function ErasureRefused({ refusal, timeZone }: { refusal: Refusal; timeZone?: string }) {
  const { t } = useTranslation();
  const R = 'privacy.requests.act.refused';
  const duty = refusal.duty ?? 'retention';
  return (
    <Alert tone="error" title={t(`${R}.title`)}>
      <p>
        {t(`${R}.${duty}`, {
          date: refusal.until ? formatDay(refusal.until, currentLanguage(), timeZone) : '',
        })}
      </p>
      {refusal.complaints && refusal.complaints.length > 0 && (
        <p className="mt-2">{t(`${R}.complaints`, { list: refusal.complaints.join(', ') })}</p>
      )}
      <p className="mt-2">{t(`${R}.restrictInstead`)}</p>
    </Alert>
  );
}

/** The form of one step; `finish` says what was done and closes it. */
function StepForm({
  step,
  r,
  finish,
  changed,
}: {
  step: Step;
  r: DataRequest;
  finish: (message: string) => void;
  changed: (updated?: DataRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const A = 'privacy.requests.act';
  const tz = policyFacts(r.policy)?.timezone;
  const outcomes = OUTCOMES[r.kind];
  const f = useAdminForm(
    { reason: '', withProcessors: r.withProcessors, outcome: outcomes[0]!, answer: '' },
    { 'DSR.REASON_REQUIRED': step === 'answer' ? 'answer' : 'reason' },
  );
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const customer = customerOf(r);
  const id = `dsr-${step}`;
  const submit = () =>
    f.run(async () => {
      setRefusal(null);
      const reason = f.form.reason.trim() ? { reason: f.form.reason } : {};
      if (step === 'erase' || step === 'restrict') {
        const path = { params: { path: { id: r.customerId } }, body: reason };
        try {
          if (step === 'erase') await call(api.POST('/api/v1/customers/{id}/erase', path));
          else await call(api.POST('/api/v1/customers/{id}/restrict', path));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'ERASURE.REFUSED')
            setRefusal((err.details ?? {}) as Refusal);
          throw err;
        }
        await changed();
      } else {
        const body =
          step === 'start'
            ? { withProcessors: f.form.withProcessors }
            : step === 'extend'
              ? { reason: f.form.reason }
              : { outcome: f.form.outcome, answer: f.form.answer };
        await changed(await actOn(r, step as Action, body));
      }
      const done = t(`${A}.done.${step}`);
      finish(done);
      return done;
    });
  return (
    <AdminForm
      onSubmit={submit}
      label={t(`${A}.buttons.${step}`)}
      className="mt-4 max-w-3xl rounded border-2 border-blue-800 p-4"
    >
      <h3 className="mb-3 text-xl font-bold">{t(`${A}.buttons.${step}`)}</h3>
      {refusal ? (
        <ErasureRefused refusal={refusal} timeZone={tz} />
      ) : (
        <FormOutcome done={null} errors={f.errors} />
      )}
      {step === 'start' && (
        <div className="mb-6">
          <label className="inline-flex min-h-11 cursor-pointer items-center gap-3 text-lg">
            <input
              type="checkbox"
              checked={f.form.withProcessors}
              aria-describedby={`${id}-processors-hint`}
              onChange={(e) => f.set('withProcessors')(e.currentTarget.checked)}
              className="h-6 w-6 accent-blue-800"
            />
            {t(`${A}.withProcessors`)}
          </label>
          <p id={`${id}-processors-hint`} className="text-slate-700">
            {t(`${A}.withProcessorsHint`)}
          </p>
        </div>
      )}
      {step === 'extend' && (
        <TextArea
          id={`${id}-reason`}
          label={t(`${A}.extendReason`)}
          hint={t(`${A}.extendHint`)}
          rows={3}
          {...f.text('reason')}
        />
      )}
      {step === 'answer' && (
        <>
          <RadioGroup
            id={`${id}-outcome`}
            legend={t(`${A}.outcome`)}
            options={outcomes.map((o) => ({
              value: o,
              label: t(`privacy.requests.outcomes.${o}`),
            }))}
            value={f.form.outcome}
            error={f.errors.fields.outcome}
            onChange={(v) => f.set('outcome')(v)}
          />
          <TextArea
            id={`${id}-answer`}
            label={t(`${A}.answerText`)}
            hint={t(`${A}.answerHint`)}
            rows={5}
            {...f.text('answer')}
          />
        </>
      )}
      {(step === 'erase' || step === 'restrict') && (
        <>
          <p className="mb-4 max-w-prose">
            {t(step === 'erase' ? `${A}.eraseIntro` : `${A}.restrictIntro`)}
          </p>
          <TextField
            id={`${id}-reason`}
            label={t(`${A}.reason`)}
            optional
            autoComplete="off"
            {...f.text('reason')}
          />
        </>
      )}
      <Button type="submit" variant={step === 'erase' ? 'danger' : 'primary'} disabled={f.busy}>
        {step === 'erase'
          ? t(`${A}.eraseConfirm`, { customer })
          : step === 'restrict'
            ? t(`${A}.restrictConfirm`, { customer })
            : t(`${A}.${step}Confirm`)}
      </Button>
    </AdminForm>
  );
}

export function DataRequestActions({
  r,
  changed,
}: {
  r: DataRequest;
  /** After a step: the request as it now is (when the answer has it), or refetch it. */
  changed: (updated?: DataRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const A = 'privacy.requests.act';
  const [open, setOpen] = useState<Step | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLDivElement>(null);
  const direct = useAdminForm({});
  const finish = (done: string) => {
    setOpen(null);
    setMessage(done);
    // The button pressed is gone (the step is done): keep the keyboard in this section.
    heading.current?.focus();
  };
  const steps = r.allowedActions;
  // Nothing to do (answered, or a reader): no section — unless it says what was just done.
  if (steps.length === 0 && !message) return null;
  return (
    <Section id="act" title={t(`${A}.title`)}>
      <div ref={heading} tabIndex={-1} className="outline-none">
        <p className="mb-4 max-w-prose">{t(`${A}.intro`)}</p>
        <ListMessage message={message} />
        <FormOutcome done={null} errors={direct.errors} />
      </div>
      {steps.length > 0 && (
        <ul className="flex flex-wrap gap-3">
          {steps.map((s) => (
            <li key={s}>
              {s === 'export' ? (
                <a
                  href={`/api/v1/customers/${encodeURIComponent(r.customerId)}/export`}
                  download
                  className={BUTTON_LINK}
                >
                  {t(`${A}.buttons.export`)}
                </a>
              ) : WITH_FORM.has(s) ? (
                <Button
                  variant={s === 'erase' ? 'danger' : 'secondary'}
                  aria-expanded={open === s}
                  aria-controls={open === s ? `dsr-form-${s}` : undefined}
                  onClick={() => {
                    setMessage(null);
                    setOpen(open === s ? null : s);
                  }}
                >
                  {t(`${A}.buttons.${s}`)}
                </Button>
              ) : (
                <Button
                  disabled={direct.busy}
                  onClick={() => {
                    setOpen(null);
                    setMessage(null);
                    void direct.run(async () => {
                      await changed(await actOn(r, s as Action));
                      finish(t(`${A}.done.${s}`));
                      return '';
                    });
                  }}
                >
                  {t(`${A}.buttons.${s}`)}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div id={`dsr-form-${open}`}>
          <StepForm key={open} step={open} r={r} finish={finish} changed={changed} />
        </div>
      )}
    </Section>
  );
}
