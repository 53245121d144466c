// The staff bar's way to the notifications, with the unread count in its name and on screen.
// Loaded lazily by the bar with its strings, so the sign-in page does not carry them.
import { Link, useLocation } from 'wouter';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage, loadStrings } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useNotifications } from './api.ts';

await loadStrings('queue');

export default function NotificationsLink() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const list = useNotifications();
  const count = list.data?.length ?? 0;
  return (
    <Link
      href="/notifications"
      aria-current={location === '/notifications' ? 'page' : undefined}
      aria-label={count ? t('notifications.menuUnread', { count }) : t('notifications.menu')}
      className="inline-flex min-h-11 items-center gap-2 font-semibold text-white underline-offset-4 hover:underline aria-[current=page]:underline"
    >
      {t('notifications.menu')}
      {count > 0 && (
        <span className="rounded-full bg-white px-2 text-sm font-bold text-slate-900">
          {formatNumber(count, currentLanguage())}
        </span>
      )}
    </Link>
  );
}
