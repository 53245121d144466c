// A mailbox's connection test in words: what happened (the API's one-word outcome, translated)
// and what the server said, in a live region so the answer is heard when it comes.
import { Alert } from '../../components/Alert.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';

export type ConnectionTest = Schemas['MailboxConnectionTest'];

export function ConnectionResult({
  result,
  kind,
  folder,
}: {
  result: ConnectionTest | null;
  kind: 'imap' | 'smtp';
  folder: string;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <div aria-live="polite">
      {result && (
        <Alert
          tone={result.ok ? 'success' : 'error'}
          title={
            result.ok && kind === 'imap'
              ? t('admin.mailboxes.test.okImap', {
                  folder,
                  messages: formatNumber(result.messages ?? 0, lng),
                  unseen: formatNumber(result.unseen ?? 0, lng),
                })
              : t(`admin.mailboxes.test.${result.ok ? 'okSmtp' : result.outcome}`)
          }
        >
          {result.detail && (
            <p>
              {t('admin.mailboxes.test.said')} <q className="break-all">{result.detail}</q>
            </p>
          )}
        </Alert>
      )}
    </div>
  );
}
