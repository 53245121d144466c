// `/returns`: the regulator returns and their filed snapshots.
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { ReturnsScreen } from '../features/reports/index.ts';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('queue'), loadStrings('reports')]);

export default function ReturnsRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['manager', 'administrator', 'auditor']}>
      {() => (
        <Page title={t('reports.returns.title')}>
          <ReturnsScreen />
        </Page>
      )}
    </RequireStaff>
  );
}
