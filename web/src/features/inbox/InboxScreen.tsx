// The managers' inboxes: one tab per kind of decision (approvals, escalations, deadlock and
// refusal decisions, flags), each with how many wait; the complaints of the tab chosen, each
// linking to its workspace, with a review that acts on it here.
import { useState } from 'react';
import { Link } from 'wouter';
import type { Session } from '../../api/types.ts';
import { LiveRegion } from '../../components/Alert.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { INBOX_TABS, useInboxList, useInboxViews, type InboxTab } from './api.ts';
import { InboxReview } from './InboxReview.tsx';

export function InboxScreen({ tab, session }: { tab: InboxTab; session: Session }) {
  const { t } = useTranslation();
  const views = useInboxViews();
  const view = views.data?.find((v) => v.view === tab);
  const list = useInboxList(view);
  const [open, setOpen] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const lng = currentLanguage();

  return (
    <>
      <p className="mb-6 max-w-prose">{t('inbox.intro')}</p>
      <nav aria-label={t('inbox.tabs')} className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {INBOX_TABS.map((name) => {
            const count = views.data?.find((v) => v.view === name)?.count;
            return (
              <li key={name}>
                <Link
                  href={`/inbox/${name}`}
                  aria-current={name === tab ? 'page' : undefined}
                  className="inline-flex min-h-11 items-center gap-2 rounded border-2 border-blue-800 px-3 py-1 font-semibold text-blue-900 hover:bg-blue-50 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
                >
                  <span>{t(`inbox.tab.${name}`)}</span>
                  {count !== undefined && (
                    <span className="rounded-full border-2 border-current px-2 text-sm">
                      {t('inbox.waiting', { count })}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading" className="mb-2 text-2xl font-bold text-slate-900">
          {t(`inbox.heading.${tab}`)}
        </h2>
        <p className="mb-4 max-w-prose text-slate-800">{t(`inbox.explain.${tab}`)}</p>
        <LiveRegion>
          {said && <p className="mb-4 font-semibold text-green-900">{said}</p>}
        </LiveRegion>
        {views.isError ? (
          <LoadFailed error={views.error} retry={() => void views.refetch()} />
        ) : list.isError ? (
          <LoadFailed error={list.error} retry={() => void list.refetch()} />
        ) : !list.data ? (
          <Loading />
        ) : list.data.items.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ol className="divide-y-2 divide-slate-200 border-y-2 border-slate-200">
            {list.data.items.map((c) => (
              <li key={c.reference} className="py-3 sm:px-2">
                <h3 className="text-lg font-bold">
                  <Link
                    href={`/complaints/${c.reference}`}
                    className="inline-flex min-h-11 flex-col py-1 text-blue-800 underline sm:flex-row sm:items-center"
                  >
                    <span className="whitespace-nowrap sm:mr-2">{c.reference}</span>
                    <span className="break-words">{c.subject}</span>
                  </Link>
                </h3>
                <p className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-slate-800">
                  <span>{t('inbox.customer', { name: c.customerName })}</span>
                  <span>{t(`queue.status.${c.status}`)}</span>
                  <span>
                    {t('queue.received', { date: formatMoment(c.receivedAt, lng, c.timezone) })}
                  </span>
                  {c.flags.map((f) => (
                    <span key={f} className="font-semibold">
                      {t(`queue.flag.${f}`)}
                    </span>
                  ))}
                </p>
                <button
                  type="button"
                  aria-expanded={open === c.reference}
                  aria-controls={`review-${c.reference}`}
                  onClick={() => {
                    setSaid(null);
                    setOpen(open === c.reference ? null : c.reference);
                  }}
                  className="inline-flex min-h-11 items-center rounded border-2 border-blue-800 bg-white px-4 py-2 font-semibold text-blue-900 hover:bg-blue-50"
                >
                  {open === c.reference
                    ? t('inbox.hide')
                    : t('inbox.reviewOf', { reference: c.reference })}
                </button>
                <div id={`review-${c.reference}`}>
                  {open === c.reference && (
                    <InboxReview
                      tab={tab}
                      reference={c.reference}
                      session={session}
                      onDone={(message) => {
                        setOpen(null);
                        setSaid(message);
                      }}
                    />
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
