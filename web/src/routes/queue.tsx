// `/queue`: the home of handlers and department members. The queue itself is the next part of
// issue 9; until then this page says so and shows what is waiting (tasks, notifications).
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { StaffHome } from '../features/staff-home/StaffHome.tsx';
import { loadStrings } from '../i18n/index.ts';

await loadStrings('staff');

export default function QueueRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={['handler', 'department_member', 'manager', 'administrator']}>
      {(session) => (
        <Page title={t('staff.queueTitle')}>
          <StaffHome session={session} intro={t('staff.notYet')} />
        </Page>
      )}
    </RequireStaff>
  );
}
