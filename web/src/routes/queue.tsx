// `/queue`: the home of handlers and department members — the complaints queue.
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { QueueScreen } from '../features/queue/index.ts';
import { prefetchFirstPage } from '../features/queue/api.ts';
import { apiQuery, readParams } from '../features/queue/queue-params.ts';
import { loadStrings } from '../i18n/index.ts';

prefetchFirstPage(apiQuery(readParams(window.location.search)));
await Promise.all([loadStrings('staff'), loadStrings('queue')]);

export default function QueueRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['handler', 'department_member', 'manager', 'administrator']}>
      {(session) => (
        <Page title={t('queue.title')}>
          <QueueScreen session={session} />
        </Page>
      )}
    </RequireStaff>
  );
}
