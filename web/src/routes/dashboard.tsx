// `/dashboard`: the home of managers (and of administrators and auditors): the figures of the
// period and policy in the URL when the session may read reports, else what is waiting for
// the person (their tasks and notifications) and useful links.
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import {
  DashboardScreen,
  DASHBOARD_REPORTS,
  fcaPeriodOf,
  prefetchReports,
  prefetchDeadline,
  readPeriod,
  showsFcaDeadline,
} from '../features/reports/index.ts';
import { StaffHome } from '../features/staff-home/StaffHome.tsx';
import { loadStrings } from '../i18n/index.ts';

// The strings first (the page cannot render without them), then every figure's read, all at
// once, before the first render asks for them.
const strings = Promise.all([loadStrings('staff'), loadStrings('queue'), loadStrings('reports')]);
const period = readPeriod(window.location.search);
prefetchReports(period, DASHBOARD_REPORTS);
if (showsFcaDeadline(period)) prefetchDeadline('fca-disp', fcaPeriodOf(period));
await strings;

export default function DashboardRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['manager', 'administrator', 'auditor']}>
      {(session) =>
        session.capabilities['report.read'] ? (
          <Page title={t('reports.dashboard.title')}>
            <DashboardScreen />
          </Page>
        ) : (
          <Page title={t('staff.dashboardTitle')}>
            <StaffHome session={session} intro={t('reports.dashboard.notYours')} />
          </Page>
        )
      }
    </RequireStaff>
  );
}
