// `/notifications`: the signed-in person's unread notifications.
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { NotificationList } from '../features/notifications/index.ts';
import { loadStrings } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

await Promise.all([loadStrings('staff'), loadStrings('queue')]);

export default function NotificationsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['handler', 'department_member', 'manager', 'administrator', 'auditor']}>
      {() => (
        <Page title={t('notifications.title')}>
          <NotificationList />
        </Page>
      )}
    </RequireStaff>
  );
}
