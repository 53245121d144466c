// `/admin/departments`: where complaints are transferred, for administrators.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { DepartmentsScreen } from '../features/admin/DepartmentsScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminDepartmentsRoute() {
  return <AdminPage section="departments">{() => <DepartmentsScreen />}</AdminPage>;
}
