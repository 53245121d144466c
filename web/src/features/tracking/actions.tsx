// The customer's actions. The API lists what is allowed (`allowedActions`); this table says
// which public route carries each and which form asks for its payload. Nothing else is shown.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { TrackedComplaint } from '../../api/types.ts';
import { settings } from '../../app/settings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { RadioGroup, TextArea } from '../../components/Field.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { errorText } from '../../lib/errors.ts';
import { uploadFile } from '../complaint-form/submit.ts';
import { postCustomerAction } from './api.ts';

interface FormProps {
  data: TrackedComplaint;
  /** Sends the action's body to its route; resolves when the page has the new state. */
  send: (body: Record<string, unknown>) => Promise<void>;
  token: string;
}

interface CustomerAction {
  /** The lifecycle action the API lists in allowedActions. */
  action: string;
  /** POST /public/complaints/{reference}/{route}. */
  route: string;
  title:
    | 'actions.reply'
    | 'actions.escalation'
    | 'actions.deadlock'
    | 'actions.procedure'
    | 'actions.withdraw'
    | 'actions.rate';
  Form: (p: FormProps) => ReactNode;
  /** Shown open rather than folded. */
  open?: boolean;
}

export const CUSTOMER_ACTIONS: CustomerAction[] = [
  { action: 'customer-reply', route: 'reply', title: 'actions.reply', Form: ReplyForm, open: true },
  {
    action: 'request-escalation',
    route: 'request-escalation',
    title: 'actions.escalation',
    Form: EscalationForm,
  },
  {
    action: 'request-deadlock-letter',
    route: 'request-deadlock-letter',
    title: 'actions.deadlock',
    Form: DeadlockForm,
  },
  {
    action: 'request-procedure-copy',
    route: 'request-procedure-copy',
    title: 'actions.procedure',
    Form: ProcedureCopyForm,
  },
  { action: 'withdraw', route: 'withdraw', title: 'actions.withdraw', Form: WithdrawForm },
  {
    action: 'rate-satisfaction',
    route: 'rate-satisfaction',
    title: 'actions.rate',
    Form: RateForm,
  },
];

export function CustomerActions({ data, token }: { data: TrackedComplaint; token: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const shown = CUSTOMER_ACTIONS.filter((a) => data.allowedActions.includes(a.route));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading" className="mb-8">
      <h2 id="actions-heading" className="mb-3 text-2xl font-bold">
        {t('track.actions')}
      </h2>
      <div role="status">{done && <Alert tone="success">{done}</Alert>}</div>
      <div className="flex flex-col gap-4">
        {shown.map((a) => {
          const send = async (body: Record<string, unknown>) => {
            await postCustomerAction(data.reference, token, a.route, body);
            await client.invalidateQueries({ queryKey: ['tracked', data.reference] });
            setDone(t('track.done'));
          };
          const form = <a.Form data={data} send={send} token={token} />;
          return a.open ? (
            <section
              key={a.action}
              aria-labelledby={`${a.route}-heading`}
              className="rounded border-2 border-slate-400 p-4"
            >
              <h3 id={`${a.route}-heading`} className="mb-3 text-xl font-bold">
                {t(a.title, { scheme: data.adr?.scheme.name ?? '' })}
              </h3>
              {form}
            </section>
          ) : (
            <details key={a.action} className="rounded border-2 border-slate-400 p-4">
              <summary className="min-h-11 cursor-pointer py-2 text-xl font-bold">
                {t(a.title)}
              </summary>
              <div className="pt-3">{form}</div>
            </details>
          );
        })}
      </div>
    </section>
  );
}

/** Submit handling shared by the forms: busy state, the error in words, reset on success. */
function useSubmit(send: FormProps['send']) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    e: FormEvent,
    body: () => Promise<Record<string, unknown> | null>,
    reset?: () => void,
  ) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const b = await body();
      if (b) {
        await send(b);
        reset?.();
      }
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const failure = error && <Alert tone="error">{error}</Alert>;
  return { busy, run, failure };
}

function ReplyForm({ data, send, token }: FormProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const { busy, run, failure } = useSubmit(send);
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void run(
          e,
          async () => {
            if (!message.trim()) {
              setMissing(true);
              document.getElementById('reply-message')?.focus();
              return null;
            }
            for (const f of files) await uploadFile(data.reference, token, f);
            return { message: message.trim() };
          },
          () => {
            setMessage('');
            setFiles([]);
          },
        )
      }
    >
      {failure}
      <TextArea
        id="reply-message"
        label={t('actions.replyMessage')}
        error={missing && !message.trim() ? t('actions.messageRequired') : undefined}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
      />
      <FileDrop
        id="reply-files"
        label={t('actions.replyFiles')}
        files={files}
        onChange={setFiles}
        maxBytes={settings.maxUploadBytes}
        maxFiles={settings.maxFiles}
      />
      <Button type="submit" disabled={busy}>
        {t('actions.replySend')}
      </Button>
    </form>
  );
}

function EscalationForm({ send }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, run, failure } = useSubmit(send);
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void run(
          e,
          async () => (reason.trim() ? { reason: reason.trim() } : {}),
          () => setReason(''),
        )
      }
    >
      <p className="mb-3">{t('actions.escalationText')}</p>
      {failure}
      <TextArea
        id="escalation-reason"
        rows={3}
        optional
        label={t('actions.escalationReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button type="submit" disabled={busy}>
        {t('actions.escalationSend')}
      </Button>
    </form>
  );
}

function DeadlockForm({ data, send }: FormProps) {
  const { t } = useTranslation();
  const { busy, run, failure } = useSubmit(send);
  return (
    <form noValidate onSubmit={(e) => void run(e, async () => ({}))}>
      <p className="mb-3">{t('actions.deadlockText', { scheme: data.adr?.scheme.name ?? '' })}</p>
      {failure}
      <Button type="submit" disabled={busy}>
        {t('actions.deadlockSend')}
      </Button>
    </form>
  );
}

function ProcedureCopyForm({ send }: FormProps) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<'post' | 'email' | 'portal'>('post');
  const { busy, run, failure } = useSubmit(send);
  return (
    <form noValidate onSubmit={(e) => void run(e, async () => ({ method }))}>
      <p className="mb-3">{t('actions.procedureText')}</p>
      {failure}
      <RadioGroup
        id="procedure-method"
        legend={t('actions.procedureMethod')}
        value={method}
        onChange={setMethod}
        options={(['post', 'email', 'portal'] as const).map((m) => ({
          value: m,
          label: t(`actions.method_${m}`),
        }))}
      />
      <Button type="submit" disabled={busy}>
        {t('actions.procedureSend')}
      </Button>
    </form>
  );
}

function WithdrawForm({ send }: FormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, run, failure } = useSubmit(send);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <p className="mb-3">{t('actions.withdrawText')}</p>
      {failure}
      <TextArea
        id="withdraw-reason"
        rows={3}
        optional
        label={t('actions.withdrawReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button type="submit" variant="danger" disabled={busy}>
        {t('actions.withdrawSend')}
      </Button>
      <Dialog
        open={confirming}
        title={t('actions.withdrawConfirm')}
        onClose={() => setConfirming(false)}
      >
        <p className="mb-4">{t('actions.withdrawConfirmText')}</p>
        <div className="flex flex-wrap gap-3">
          <Button
            variant="danger"
            disabled={busy}
            onClick={(e) => {
              setConfirming(false);
              void run(e, async () => (reason.trim() ? { reason: reason.trim() } : {}));
            }}
          >
            {t('actions.withdrawSend')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('actions.cancel')}
          </Button>
        </div>
      </Dialog>
    </form>
  );
}

/** The survey's questions before the overall rating (ISO 10004), each optional. */
const QUESTIONS = ['keptInformed', 'speed', 'fairness'] as const;
type Mark = '' | '1' | '2' | '3' | '4' | '5';

function RateForm({ send }: FormProps) {
  const { t } = useTranslation();
  const [score, setScore] = useState<Mark>('');
  const [marks, setMarks] = useState<Partial<Record<(typeof QUESTIONS)[number], Mark>>>({});
  const [comment, setComment] = useState('');
  const options = (['5', '4', '3', '2', '1'] as const).map((s) => ({
    value: s,
    label: t(`actions.rateScoreLabel_${s}`),
  }));
  const [missing, setMissing] = useState(false);
  const { busy, run, failure } = useSubmit(send);
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void run(e, async () => {
          if (!score) {
            setMissing(true);
            document.querySelector<HTMLInputElement>('#rate-score input')?.focus();
            return null;
          }
          const given = QUESTIONS.filter((q) => marks[q]).map((q) => [q, Number(marks[q])]);
          return {
            score: Number(score),
            ...Object.fromEntries(given),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          };
        })
      }
    >
      {failure}
      {QUESTIONS.map((q) => (
        <RadioGroup
          key={q}
          id={`rate-${q}`}
          optional
          legend={t(`actions.rate_${q}`)}
          value={marks[q] ?? ''}
          onChange={(v) => setMarks({ ...marks, [q]: v })}
          options={options}
        />
      ))}
      <RadioGroup
        id="rate-score"
        legend={t('actions.rateScore')}
        error={missing && !score ? t('actions.rateScoreRequired') : undefined}
        value={score}
        onChange={setScore}
        options={options}
      />
      <TextArea
        id="rate-comment"
        rows={3}
        optional
        label={t('actions.rateComment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Button type="submit" disabled={busy}>
        {t('actions.rateSend')}
      </Button>
    </form>
  );
}
