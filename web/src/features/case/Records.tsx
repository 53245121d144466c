// The timeline (public and internal entries told apart in words), the messages exactly as sent,
// the files (images shown, PDFs linked) and the letters to print with "mark posted".
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { errorText } from '../../lib/errors.ts';
import { attachmentHref, letterPdfHref, markPosted, type Complaint } from './api.ts';

/** Details of an event worth reading on the timeline, in this order. */
const SHOWN_DATA = [
  'questions',
  'information',
  'departmentId',
  'findings',
  'rootCause',
  'proposedFix',
  'customerSummary',
  'plan',
  'response',
  'resolution',
  'outcome',
  'summary',
  'lessonsLearned',
  'flag',
  'note',
  'claimedReference',
  'takenAs',
  'fromReference',
  'toReference',
] as const;

function Visibility({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation();
  return (
    <StatusBadge tone={isPublic ? 'neutral' : 'warn'}>
      {isPublic ? t('case.timeline.public') : t('case.timeline.internal')}
    </StatusBadge>
  );
}

export function Timeline({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  return (
    <Section id="timeline" title={t('case.timeline.title')}>
      <ol className="flex max-w-4xl flex-col gap-3">
        {c.timeline.map((e) => (
          <li key={e.seq} className="border-l-4 border-slate-400 pl-3">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-semibold">
                {t(`case.events.${e.type}`, { defaultValue: e.type.replace(/_/g, ' ') })}
              </span>
              <Visibility isPublic={e.public} />
              <span className="text-slate-700">
                <DateTime iso={e.at} timeZone={c.timezone} /> ·{' '}
                {t(`case.actorRoles.${e.actor.role}`, { defaultValue: e.actor.role })}
              </span>
            </p>
            {e.reason && (
              <p className="whitespace-pre-wrap">
                {t('case.fields.reason')}: {e.reason}
              </p>
            )}
            {SHOWN_DATA.filter((k) => e.data[k] !== undefined && e.data[k] !== null).map((k) => {
              const v = e.data[k];
              return (
                <p key={k} className="whitespace-pre-wrap break-words">
                  {t(`case.fields.${k}`)}: {Array.isArray(v) ? v.join('; ') : String(v)}
                </p>
              );
            })}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function Messages({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  return (
    <Section id="messages" title={t('case.messages.title')}>
      {c.messages.length === 0 && <p>{t('case.messages.none')}</p>}
      <ol className="flex max-w-4xl flex-col gap-4">
        {c.messages.map((m) => (
          <li key={m.id}>
            <article
              aria-labelledby={`msg-${m.id}`}
              className={`rounded border-2 p-4 ${m.direction === 'internal' ? 'border-amber-700 bg-amber-50' : m.direction === 'in' ? 'border-slate-400 bg-slate-50' : 'border-blue-800 bg-white'}`}
            >
              <h3 id={`msg-${m.id}`} className="mb-1 font-bold">
                {t(`case.messages.${m.direction}`)}
                {m.subject ? ` — ${m.subject}` : ''}
              </h3>
              <p className="mb-2 flex flex-wrap items-center gap-2 text-sm text-slate-800">
                <Visibility isPublic={m.public} />
                <span>
                  {t(`case.channels.${m.channel}`, { defaultValue: m.channel })} ·{' '}
                  {t(`case.messages.status.${m.status}`, { defaultValue: m.status })} ·{' '}
                  <DateTime iso={m.sentAt ?? m.createdAt} timeZone={c.timezone} />
                  {m.authorName ? ` · ${m.authorName}` : ''}
                </span>
              </p>
              <div className="whitespace-pre-wrap break-words">{m.body}</div>
            </article>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function Attachments({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Section id="attachments" title={t('case.attachments.title')}>
      {c.attachments.length === 0 && <p>{t('case.attachments.none')}</p>}
      <ul className="flex max-w-4xl flex-col gap-4">
        {c.attachments.map((a) => {
          const href = attachmentHref(c.reference, a.id);
          return (
            <li key={a.id}>
              <p className="flex flex-wrap items-center gap-2">
                <a href={href} className="break-all text-blue-800 underline" download>
                  {t('case.attachments.download', { name: a.filename })}
                </a>
                <span className="text-slate-700">({formatBytes(a.size, lng)})</span>
                <Visibility isPublic={a.public} />
              </p>
              {a.contentType.startsWith('image/') && (
                <img
                  src={href}
                  alt={t('case.attachments.image', { name: a.filename })}
                  className="mt-2 max-h-80 max-w-full rounded border border-slate-400"
                />
              )}
              {a.contentType === 'application/pdf' && (
                <a href={href} target="_blank" rel="noopener" className="text-blue-800 underline">
                  {t('case.attachments.openPdf', { name: a.filename })}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

export function Letters({
  c,
  canPost,
  onPosted,
}: {
  c: Complaint;
  canPost: boolean;
  onPosted: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const letters = c.messages.filter((m) => m.channel === 'letter');
  if (letters.length === 0) return null;
  return (
    <Section id="letters" title={t('case.letters.title')}>
      <div role="status">{done && <Alert tone="success">{done}</Alert>}</div>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="flex max-w-4xl flex-col gap-3">
        {letters.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">{l.subject ?? t('case.letters.letter')}</span>
            <StatusBadge tone={l.status === 'posted' ? 'good' : 'warn'}>
              {t(`case.messages.status.${l.status}`, { defaultValue: l.status })}
            </StatusBadge>
            <a
              href={letterPdfHref(l.id)}
              className="text-blue-800 underline"
              target="_blank"
              rel="noopener"
            >
              {t('case.letters.pdf', { subject: l.subject ?? l.id })}
            </a>
            {canPost && l.status === 'awaiting_print' && (
              <Button
                variant="secondary"
                onClick={() => {
                  setError(null);
                  markPosted(l.id)
                    .then(onPosted)
                    .then(() => setDone(t('case.letters.posted')))
                    .catch((err: unknown) => setError(errorText(err, t)));
                }}
              >
                {t('case.letters.markPosted', { subject: l.subject ?? l.id })}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
