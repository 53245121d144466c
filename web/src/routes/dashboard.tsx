// `/dashboard`: the home of managers (and, for now, administrators and auditors). The
// dashboards are issue 10; until then this page says so and shows what is waiting.
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { StaffHome } from '../features/staff-home/StaffHome.tsx';
import { loadStrings } from '../i18n/index.ts';

await loadStrings('staff');

export default function DashboardRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['manager', 'administrator', 'auditor']}>
      {(session) => (
        <Page title={t('staff.dashboardTitle')}>
          <StaffHome session={session} intro={t('staff.notYetDashboard')} />
        </Page>
      )}
    </RequireStaff>
  );
}
