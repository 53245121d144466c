// `/admin/policies`: the procedures as data, for administrators.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { PoliciesScreen } from '../features/admin/PoliciesScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminPoliciesRoute() {
  return <AdminPage section="policies">{() => <PoliciesScreen />}</AdminPage>;
}
