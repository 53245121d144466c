// What one mailbox took lately: each mail with the complaint it made or joined (a link), or why
// it was flagged or ignored.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';

export function MailboxMails({ mailbox }: { mailbox: Schemas['Mailbox'] }) {
  const { t } = useTranslation();
  const mails = useQuery({
    queryKey: ['admin', 'mailboxes', mailbox.id, 'mails'],
    queryFn: () =>
      call<Schemas['MailboxMailList']>(
        api.GET('/api/v1/mailboxes/{id}/mails', {
          params: { path: { id: mailbox.id }, query: { limit: 20 } },
        }),
      ),
  });
  if (mails.isPending) return <Loading />;
  if (mails.isError) return <LoadFailed error={mails.error} retry={() => void mails.refetch()} />;
  if (mails.data.items.length === 0) return <p>{t('admin.mailboxes.noMail')}</p>;
  return (
    <DataTable
      caption={t('admin.mailboxes.recentCaption', { name: mailbox.name })}
      rows={mails.data.items}
      rowKey={(m) => m.id}
      columns={[
        { header: t('admin.mailboxes.received'), cell: (m) => <DateTime iso={m.receivedAt} /> },
        {
          header: t('admin.mailboxes.from'),
          cell: (m) => <span className="break-all">{m.from ?? '—'}</span>,
        },
        { header: t('admin.mailboxes.subject'), cell: (m) => m.subject ?? '—' },
        {
          header: t('admin.mailboxes.became'),
          cell: (m) => (
            <>
              <span className="block font-semibold">
                {t(`admin.mailboxes.one.${m.status}`, { defaultValue: m.status })}
              </span>
              {m.reference && (
                <Link href={`/complaints/${m.reference}`} className="text-blue-800 underline">
                  {m.reference}
                </Link>
              )}
              {m.error && <span className="block text-slate-700">{m.error}</span>}
            </>
          ),
        },
      ]}
    />
  );
}
