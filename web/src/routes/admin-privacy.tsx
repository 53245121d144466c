// `/admin/privacy`: retention preview, legal holds and data-subject requests (issue 11).
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { PrivacyScreen } from '../features/admin/PrivacyScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminPrivacyRoute() {
  return (
    <AdminPage section="privacy">{(session) => <PrivacyScreen session={session} />}</AdminPage>
  );
}
