// Mail that claimed a complaint from a sender Redress could not verify. On the complaint the mail
// became: why it did not join, and — when the API says the caller may — the confirmation that it
// is the same customer after all. On the complaint it claimed: the claims, each a link.
import { useState } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextArea } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { confirmSender, type Complaint } from './api.ts';

const complaintHref = (reference: string) => `/complaints/${encodeURIComponent(reference)}`;

export function SenderReview({ c, onConfirmed }: { c: Complaint; onConfirmed: () => unknown }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const r = c.senderReview;
  if (!r) return null;
  const lng = currentLanguage();
  const ref = r.claimedReference;
  const confirm = () => {
    setBusy(true);
    setError(null);
    confirmSender(c.reference, note.trim() || undefined)
      .then(async (joined) => {
        await onConfirmed();
        setDone(t('case.senderReview.done', { reference: joined.reference }));
      })
      .catch((err: unknown) => setError(errorText(err, t)))
      .finally(() => setBusy(false));
  };
  return (
    <Section id="sender-review" title={t('case.senderReview.title')}>
      <div className="max-w-3xl border-l-8 border-amber-700 bg-amber-50 p-4">
        <p className="mb-2">{t('case.senderReview.claimed', { reference: ref })}</p>
        <p className="mb-2">
          <span className="font-semibold">{t('case.senderReview.why')}:</span>{' '}
          {t(`case.senderReview.refusals.${r.refusal}`, { defaultValue: r.detail })}
        </p>
        <p className="mb-3">{t('case.senderReview.taken', { reference: ref })}</p>
        <p className="mb-3">
          <Link href={complaintHref(ref)} className="font-semibold text-blue-900 underline">
            {t('case.senderReview.open', { reference: ref })}
          </Link>
        </p>
        {r.status === 'confirmed' && r.decidedAt && (
          <p className="font-semibold">
            {t('case.senderReview.confirmed', {
              date: formatMoment(r.decidedAt, lng, c.timezone),
              reference: ref,
            })}
          </p>
        )}
        {r.status === 'pending' && r.canConfirm && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            <p className="mb-3">{t('case.senderReview.confirmHint', { reference: ref })}</p>
            <TextArea
              id="sender-note"
              label={t('case.senderReview.note')}
              optional
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="submit" disabled={busy}>
              {t('case.senderReview.confirm')}
            </Button>
          </form>
        )}
      </div>
      <div className="mt-3 max-w-3xl">
        {error && <Alert tone="error">{error}</Alert>}
        <div role="status">{done && <Alert tone="success">{done}</Alert>}</div>
      </div>
    </Section>
  );
}

export function MailClaims({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  if (c.mailClaims.length === 0) return null;
  const lng = currentLanguage();
  return (
    <Section id="mail-claims" title={t('case.mailClaims.title')}>
      <p className="mb-3 max-w-3xl">{t('case.mailClaims.intro')}</p>
      <ul className="flex max-w-3xl flex-col gap-2">
        {c.mailClaims.map((m) => (
          <li key={m.reference} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={complaintHref(m.reference)} className="text-blue-900 underline">
              {t('case.mailClaims.item', {
                reference: m.reference,
                date: formatMoment(m.receivedAt, lng, c.timezone),
              })}
            </Link>
            <StatusBadge tone={m.status === 'pending' ? 'warn' : 'good'}>
              {t(`case.mailClaims.${m.status}`)}
            </StatusBadge>
          </li>
        ))}
      </ul>
    </Section>
  );
}
