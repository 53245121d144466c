// `/admin/templates`: the messages sent to customers, per policy, kind and language.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { TemplatesScreen } from '../features/admin/TemplatesScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminTemplatesRoute() {
  return <AdminPage section="templates">{() => <TemplatesScreen />}</AdminPage>;
}
