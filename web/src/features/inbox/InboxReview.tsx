// One complaint under review in an inbox: what the decision needs (the draft and the message
// as it will be sent; the customer's request; the flags and their reasons) and the lifecycle
// actions that decide it — the case workspace's own forms, offered only when the API allows.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextArea } from '../../components/Field.tsx';
import { LoadFailed } from '../../components/States.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { ActionForm } from '../case/ActionForm.tsx';
import { ACTION_FORMS } from '../case/action-forms.ts';
import {
  completeTask,
  complaintQuery,
  previewAction,
  takeAction,
  type ActionName,
  type Complaint,
} from '../case/api.ts';
import { MessagePreview } from '../case/MessagePreview.tsx';
import { useInboxRefresh, type InboxTab } from './api.ts';

/** The actions that decide each inbox's complaints (shown when allowed now). */
const DECIDING: Record<InboxTab, ActionName[]> = {
  approvals: ['approve-response', 'reject-response'],
  escalations: ['escalate'],
  decisions: ['deadlock', 'send-deadlock-letter', 'refuse-deadlock-letter'],
  flags: ['unflag'],
};
/** Actions that write to the customer: their form offers the preview. */
const SENDS = new Set<ActionName>(['send-deadlock-letter', 'refuse-deadlock-letter']);
/** The tasks a customer's request created (the server's kinds, as GET /complaints filters). */
const REQUEST_TASKS: Partial<Record<InboxTab, string[]>> = {
  escalations: ['review_escalation_request'],
  decisions: [
    'decide_deadlock',
    'send_deadlock_letter',
    'refuse_deadlock_letter',
    'answer_deadlock_letter_request',
  ],
};

const REQUEST_KINDS = new Set(Object.values(REQUEST_TASKS).flat());

export function InboxReview({
  tab,
  reference,
  session,
  onDone,
}: {
  tab: InboxTab;
  reference: string;
  session: Session;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery(complaintQuery(reference));
  const refresh = useInboxRefresh();
  const [open, setOpen] = useState<ActionName | 'decline' | null>(null);
  if (q.isPending) {
    return (
      <p role="status" className="mt-3 text-slate-700">
        {t('inbox.loading')}
      </p>
    );
  }
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const c = q.data;
  const actions = DECIDING[tab].filter((a) => c.allowedActions.includes(a));
  const requests = c.tasks.filter((k) => !k.doneAt && (REQUEST_TASKS[tab] ?? []).includes(k.kind));
  const finish = async (message: string) => {
    await refresh(reference);
    onDone(message);
  };

  return (
    <section
      aria-label={t('inbox.reviewOf', { reference })}
      className="mt-3 max-w-3xl rounded border-2 border-blue-800 p-3 sm:p-4"
    >
      {tab === 'approvals' && <Approval c={c} />}
      {requests.length > 0 && <Requests requests={requests} c={c} />}
      {(tab === 'flags' || tab === 'decisions') && c.flags.length > 0 && <FlagReasons c={c} />}
      <ul className="mb-4 flex flex-wrap gap-2">
        {actions.map((a) => (
          <li key={a}>
            <Button
              variant={open === a ? 'primary' : 'secondary'}
              aria-expanded={open === a}
              aria-controls={`inbox-form-${reference}`}
              onClick={() => setOpen(open === a ? null : a)}
            >
              {t(`case.actions.${a}`)}
            </Button>
          </li>
        ))}
        {tab === 'escalations' && requests.length > 0 && (
          <li>
            <Button
              variant={open === 'decline' ? 'primary' : 'secondary'}
              aria-expanded={open === 'decline'}
              aria-controls={`inbox-form-${reference}`}
              onClick={() => setOpen(open === 'decline' ? null : 'decline')}
            >
              {t('inbox.decline')}
            </Button>
          </li>
        )}
        <li>
          <Link
            href={`/complaints/${reference}`}
            className="inline-flex min-h-11 items-center px-2 font-semibold text-blue-800 underline"
          >
            {t('inbox.openCase')}
          </Link>
        </li>
      </ul>
      <div id={`inbox-form-${reference}`}>
        {open === 'decline' ? (
          <Decline
            reference={reference}
            taskIds={requests.map((r) => r.id)}
            onCancel={() => setOpen(null)}
            onDone={() => finish(t('inbox.declined', { reference }))}
          />
        ) : (
          open &&
          actions.includes(open) && (
            <ActionForm
              key={open}
              reference={reference}
              action={open}
              fields={ACTION_FORMS[open]}
              me={session.user.id}
              departments={[]}
              flags={c.flags}
              previewable={SENDS.has(open)}
              onCancel={() => setOpen(null)}
              onDone={(a) => finish(t('inbox.done', { action: t(`case.actions.${a}`), reference }))}
            />
          )
        )}
      </div>
    </section>
  );
}

/** The handler's draft, and the final response exactly as sending it would compose it. */
function Approval({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const proposal = [...c.timeline].reverse().find((e) => e.type === 'response_proposed');
  const draft = typeof proposal?.data['response'] === 'string' ? proposal.data['response'] : null;
  const preview = useQuery({
    queryKey: ['inbox-preview', c.reference],
    queryFn: () => previewAction(c.reference, 'respond', {}),
  });
  return (
    <>
      <h4 className="mb-1 text-lg font-bold">{t('inbox.draft')}</h4>
      {proposal && (
        <p className="mb-1 text-slate-800">
          {t('inbox.proposedOn', { date: formatMoment(proposal.at, lng, c.timezone) })}
        </p>
      )}
      <div
        lang={c.language}
        className="mb-4 whitespace-pre-wrap break-words border-l-4 border-slate-500 bg-slate-50 p-3"
      >
        {draft ?? t('inbox.noDraft')}
      </div>
      {preview.isError ? (
        <Alert tone="error">{errorText(preview.error, t)}</Alert>
      ) : preview.data !== undefined ? (
        <MessagePreview preview={preview.data} />
      ) : (
        <p role="status" className="mb-4 text-slate-700">
          {t('inbox.loading')}
        </p>
      )}
    </>
  );
}

function Requests({ requests, c }: { requests: Complaint['tasks']; c: Complaint }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <>
      <h4 className="mb-1 text-lg font-bold">{t('inbox.request')}</h4>
      <ul className="mb-4 list-disc pl-6">
        {requests.map((r) => (
          <li key={r.id} className="mb-1 break-words">
            {t(`inbox.requestKind.${REQUEST_KINDS.has(r.kind) ? r.kind : 'other'}`)}{' '}
            <span className="text-slate-800">
              ({t('inbox.requestedOn', { date: formatMoment(r.createdAt, lng, c.timezone) })})
            </span>
            {/* The escalation task's note is the customer's own reason; the others' are the
                server's English wording, said above in the reader's language. */}
            {r.kind === 'review_escalation_request' && r.note && (
              <p>{t('inbox.customerReason', { reason: r.note })}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Each flag with the reason it was set (its latest `flagged` event). */
function FlagReasons({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  return (
    <>
      <h4 className="mb-1 text-lg font-bold">{t('inbox.flagsTitle')}</h4>
      <ul className="mb-4 list-disc pl-6">
        {c.flags.map((f) => {
          const set = [...c.timeline]
            .reverse()
            .find((e) => e.type === 'flagged' && e.data['flag'] === f);
          return (
            <li key={f} className="break-words">
              {t('inbox.flagReason', {
                flag: t(`queue.flag.${f}`),
                reason: set?.reason ?? t('inbox.noReason'),
              })}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Declines a customer's request for escalation: a note gives the reason, its task is done. */
function Decline({
  reference,
  taskIds,
  onCancel,
  onDone,
}: {
  reference: string;
  taskIds: number[];
  onCancel: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `decline-${reference}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // On the complaint's trail as a note (who declined, when, why); then the request's tasks
      // are done, and the inbox empties.
      await takeAction(reference, 'add-note', {
        text: t('inbox.declinedNote', { reason: note.trim() }),
      });
      for (const taskId of taskIds) await completeTask(taskId);
      await onDone();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate aria-label={t('inbox.decline')} onSubmit={(e) => void submit(e)}>
      <TextArea
        id={id}
        label={t('inbox.declineNote')}
        value={note}
        error={missing && !note.trim() ? t('case.form.required') : undefined}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={busy}>
          {t('inbox.decline')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('case.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
