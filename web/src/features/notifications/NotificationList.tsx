// The unread notifications, newest first: what happened, to which complaint, when; each can
// be marked read (it then leaves the list, and focus goes to the list's heading).
import { Link } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { kindKey, noticeText, useMarkRead, useNotifications } from './api.ts';

const TONE: Record<string, 'bad' | 'warn' | 'neutral'> = {
  clock_breached: 'bad',
  clock_warning: 'warn',
  sweep_failed: 'bad',
};

export function NotificationList() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const list = useNotifications();
  const mark = useMarkRead();
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadFailed error={list.error} retry={() => void list.refetch()} />;
  return (
    <>
      <div role="status" className="min-h-0">
        {mark.isSuccess && <p className="mb-4">{t('notifications.markedRead')}</p>}
      </div>
      {mark.error && <Alert tone="error">{errorText(mark.error, t)}</Alert>}
      {list.data.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul
          aria-label={t('notifications.title')}
          className="divide-y-2 divide-slate-200 border-y-2 border-slate-200"
        >
          {list.data.map((n) => {
            const text = noticeText(n, t, (iso) => formatMoment(iso, lng));
            return (
              <li key={n.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="mb-1 flex flex-wrap items-center gap-3">
                    <StatusBadge tone={TONE[n.kind] ?? 'neutral'}>{t(kindKey(n.kind))}</StatusBadge>
                    <span className="text-slate-700">{formatMoment(n.createdAt, lng)}</span>
                  </p>
                  <p className="break-words">{text}</p>
                  {n.reference && (
                    <Link href={`/complaints/${n.reference}`} className="text-blue-800 underline">
                      {t('notifications.open', { reference: n.reference })}
                    </Link>
                  )}
                </div>
                <Button
                  variant="secondary"
                  disabled={mark.isPending}
                  onClick={() => mark.mutate(n.id)}
                  aria-label={`${t('notifications.markRead')}: ${n.reference ? `${n.reference}, ` : ''}${text}`}
                >
                  {t('notifications.markRead')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
