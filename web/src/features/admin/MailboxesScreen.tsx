// /admin/mailboxes: each mailbox with its connection (tested for real on request) and what it has
// taken — its latest mails with their complaint or flag —, a new mailbox added, and the mail kept
// but not taken (malformed, or failing again and again), which an administrator can take again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import type { Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import type { Schemas } from './admin-api.ts';
import { can } from './RequireCapability.tsx';
import { useOpenRow } from './AdminForm.tsx';
import { MailboxAdd } from './MailboxAdd.tsx';
import { ConnectionResult, type ConnectionTest } from './MailboxConnection.tsx';
import { MailboxMails } from './MailboxMails.tsx';

type Mailbox = Schemas['Mailbox'];

function Where({ m }: { m: Mailbox }) {
  const { t } = useTranslation();
  return m.kind === 'imap' ? (
    <span className="[overflow-wrap:anywhere]">
      {t('admin.mailboxes.imapWhere', {
        user: m.username ?? '—',
        host: m.host ?? '—',
        port: m.port ?? '—',
        folder: m.folder,
      })}
      <span className="block">
        {m.secure ? t('admin.mailboxes.withTls') : t('admin.mailboxes.withoutTls')}
      </span>
    </span>
  ) : (
    <span className="[overflow-wrap:anywhere]">
      {t('admin.mailboxes.smtpWhere', { host: m.listenHost, port: m.listenPort ?? '—' })}
    </span>
  );
}

/** One mailbox's test button and its answer. */
function TestConnection({ m }: { m: Mailbox }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(
        await call<ConnectionTest>(
          api.POST('/api/v1/mailboxes/{id}/test', { params: { path: { id: m.id } } }),
        ),
      );
    } catch (err) {
      setFailure(errorText(err, t));
    }
    setBusy(false);
  };
  return (
    <>
      <Button variant="secondary" disabled={busy} onClick={() => void run()}>
        {busy
          ? t('admin.mailboxes.test.running')
          : t('admin.mailboxes.test.buttonFor', { name: m.name })}
      </Button>
      <div className="mt-2">
        <ConnectionResult result={result} kind={m.kind} folder={m.folder} />
        {failure && <Alert tone="error" title={failure} />}
      </div>
    </>
  );
}

export function MailboxesScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const client = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const boxes = useQuery({
    queryKey: ['admin', 'mailboxes'],
    queryFn: () => call<Schemas['MailboxList']>(api.GET('/api/v1/mailboxes')),
  });
  const flagged = useQuery({
    queryKey: ['admin', 'mailboxes', 'flagged'],
    queryFn: () =>
      call<Schemas['FlaggedMailList']>(
        api.GET('/api/v1/mailboxes/flagged', { params: { query: { limit: 100 } } }),
      ),
  });
  const retake = async (id: number) => {
    setMessage(null);
    try {
      const r = await call(
        api.POST('/api/v1/mailboxes/flagged/{id}/retake', { params: { path: { id } } }),
      );
      setMessage(
        r.kind === 'handled'
          ? {
              tone: 'success',
              text: t('admin.mailboxes.retaken', {
                status: t(`admin.mailboxes.status.${r.status}`, { defaultValue: r.status }),
              }),
            }
          : { tone: 'error', text: t('admin.mailboxes.pending', { reason: r.reason }) },
      );
      await client.invalidateQueries({ queryKey: ['admin', 'mailboxes'] });
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, t) });
    }
  };
  const n = (x: number) => formatNumber(x, lng);
  const rows = useOpenRow();
  const manage = can(session, 'mailbox.manage');
  const shown = boxes.data?.items.find((m) => rows.isOpen(m.id));
  return (
    <>
      <p className="mb-6 max-w-prose">{t('admin.mailboxes.intro')}</p>
      <Section id="mailboxes" title={t('admin.mailboxes.list')}>
        {boxes.isPending && <Loading />}
        {boxes.isError && <LoadFailed error={boxes.error} retry={() => void boxes.refetch()} />}
        {boxes.data && boxes.data.items.length === 0 && <p>{t('admin.mailboxes.none')}</p>}
        {boxes.data && boxes.data.items.length > 0 && (
          <DataTable
            caption={t('admin.mailboxes.listCaption')}
            rows={boxes.data.items}
            rowKey={(m) => m.id}
            columns={[
              {
                header: t('admin.mailboxes.name'),
                cell: (m) => (
                  <span className="[overflow-wrap:anywhere]">
                    <span className="block font-semibold">{m.name}</span>
                    {m.address !== m.name && m.address}
                  </span>
                ),
              },
              { header: t('admin.mailboxes.connection'), cell: (m) => <Where m={m} /> },
              { header: t('admin.policy'), cell: (m) => <code>{m.policyId}</code> },
              {
                header: t('admin.mailboxes.state'),
                cell: (m) => (m.active ? t('admin.mailboxes.active') : t('admin.mailboxes.paused')),
              },
              {
                header: t('admin.mailboxes.taken'),
                cell: (m) =>
                  Object.keys(m.taken).length === 0 ? (
                    t('admin.mailboxes.nothingYet')
                  ) : (
                    <ul>
                      {Object.entries(m.taken).map(([status, count]) => (
                        <li key={status}>
                          {t(`admin.mailboxes.status.${status}`, { defaultValue: status })}:{' '}
                          {n(count)}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                header: t('admin.mailboxes.action'),
                cell: (m) => (
                  <div className="flex min-w-56 flex-col items-start gap-2">
                    <Button
                      variant="secondary"
                      aria-expanded={rows.isOpen(m.id)}
                      aria-controls="mailbox-mails"
                      onClick={() => rows.toggle(m.id)}
                    >
                      {t('admin.mailboxes.showMails', { name: m.name })}
                    </Button>
                    {manage && <TestConnection m={m} />}
                  </div>
                ),
              },
            ]}
          />
        )}
        <div id="mailbox-mails">
          {shown && (
            <section aria-labelledby="mailbox-mails-heading" className="mt-2">
              <h3 id="mailbox-mails-heading" className="mb-2 text-xl font-bold">
                {t('admin.mailboxes.recent', { name: shown.name })}
              </h3>
              <MailboxMails key={shown.id} mailbox={shown} />
            </section>
          )}
        </div>
      </Section>
      {manage && <MailboxAdd />}
      <Section id="flagged" title={t('admin.mailboxes.flagged')}>
        <div aria-live="polite">
          {message && <Alert tone={message.tone} title={message.text} />}
        </div>
        {flagged.isPending && <Loading />}
        {flagged.isError && (
          <LoadFailed error={flagged.error} retry={() => void flagged.refetch()} />
        )}
        {flagged.data && flagged.data.items.length === 0 && <p>{t('admin.mailboxes.noFlagged')}</p>}
        {flagged.data && flagged.data.items.length > 0 && (
          <DataTable
            caption={t('admin.mailboxes.flaggedCaption')}
            rows={flagged.data.items}
            rowKey={(f) => f.id}
            columns={[
              {
                header: t('admin.mailboxes.received'),
                cell: (f) => <DateTime iso={f.receivedAt} />,
              },
              { header: t('admin.mailboxes.mailbox'), cell: (f) => f.mailbox },
              {
                header: t('admin.mailboxes.from'),
                cell: (f) => <span className="break-all">{f.from ?? '—'}</span>,
              },
              { header: t('admin.mailboxes.subject'), cell: (f) => f.subject ?? '—' },
              { header: t('admin.mailboxes.why'), cell: (f) => f.error ?? '—' },
              ...(can(session, 'mailbox.retake')
                ? [
                    {
                      header: t('admin.mailboxes.action'),
                      cell: (f: Schemas['FlaggedMail']) => (
                        <Button variant="secondary" onClick={() => void retake(f.id)}>
                          {t('admin.mailboxes.retake', { subject: f.subject ?? f.id })}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Section>
    </>
  );
}
