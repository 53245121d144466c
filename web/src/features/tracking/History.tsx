// The public timeline, the messages exchanged and the files, oldest first.
import { useTranslation } from '../../i18n/use-translation.ts';
import type { TrackedComplaint } from '../../api/types.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { formatBytes } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { attachmentUrl } from './api.ts';

export function Timeline({
  data,
  timeZone,
}: {
  data: TrackedComplaint;
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Section id="timeline" title={t('track.timeline')}>
      <ol className="flex flex-col gap-2">
        {data.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`} className="flex flex-wrap gap-x-3">
            <span className="text-slate-700">
              <DateTime iso={e.at} timeZone={timeZone} />
            </span>
            <span className="font-semibold">
              {t(`events.${e.type}`, { defaultValue: t('events.other') })}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function Messages({
  data,
  timeZone,
}: {
  data: TrackedComplaint;
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Section id="messages" title={t('track.messages')}>
      {data.messages.length === 0 && <p>{t('track.noMessages')}</p>}
      <ol className="flex flex-col gap-4">
        {data.messages.map((m) => (
          <li key={m.id}>
            <article
              aria-labelledby={`message-${m.id}`}
              className={`rounded border-2 p-4 ${m.direction === 'in' ? 'border-slate-400 bg-slate-50' : 'border-blue-800 bg-white'}`}
            >
              <h3 id={`message-${m.id}`} className="mb-1 font-bold">
                {m.direction === 'in'
                  ? t('track.fromYou')
                  : t('track.fromUs', { organisation: data.organisation })}
                {m.subject ? ` — ${m.subject}` : ''}
              </h3>
              <p className="mb-2 text-sm text-slate-700">
                <DateTime iso={m.sentAt ?? m.createdAt} timeZone={timeZone} />
              </p>
              <div className="whitespace-pre-wrap break-words">{m.body}</div>
            </article>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function Files({ data, token }: { data: TrackedComplaint; token: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (data.attachments.length === 0 && !data.letters?.length) return null;
  return (
    <Section id="files" title={t('track.attachments')}>
      <ul className="flex flex-col gap-2">
        {data.letters?.map((l) => (
          <li key={`letter-${l.id}`}>
            <a href={l.pdfUrl} className="text-blue-800 underline">
              {l.title} — {t('track.letter')}
            </a>
          </li>
        ))}
        {data.attachments.map((a) => (
          <li key={a.id}>
            <a
              href={attachmentUrl(data.reference, a.id, token)}
              className="break-all text-blue-800 underline"
              download
            >
              {t('track.download', { name: a.filename })}
            </a>{' '}
            <span className="text-slate-700">({formatBytes(a.size, lng)})</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
