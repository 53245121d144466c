// `/admin/users`: staff accounts and their roles, for administrators.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { UsersScreen } from '../features/admin/UsersScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminUsersRoute() {
  return <AdminPage section="users">{() => <UsersScreen />}</AdminPage>;
}
