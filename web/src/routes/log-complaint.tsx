// `/complaints/new`: a handler logs a complaint taken by phone, by post or in person.
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { LogComplaintForm } from '../features/log-complaint/index.ts';
import { loadStrings } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

await Promise.all([loadStrings('staff'), loadStrings('queue')]);

export default function LogComplaintRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['handler', 'manager', 'administrator']}>
      {() => (
        <Page title={t('logComplaint.title')}>
          <LogComplaintForm />
        </Page>
      )}
    </RequireStaff>
  );
}
