// `/admin/tokens`: bearer tokens of integrations and scripts, for administrators.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { TokensScreen } from '../features/admin/TokensScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminTokensRoute() {
  return <AdminPage section="tokens">{() => <TokensScreen />}</AdminPage>;
}
