// `/admin/privacy/requests/{id}`: one data-subject request with its clocks.
import { useParams } from 'wouter';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { DataRequestScreen } from '../features/admin/DataRequestScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminPrivacyRequestRoute() {
  const { id } = useParams<{ id: string }>();
  return <AdminPage section="privacy">{() => <DataRequestScreen id={id} />}</AdminPage>;
}
