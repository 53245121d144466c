// `/admin/mailboxes`: where complaints arrive by email, and the mail that was flagged.
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { MailboxesScreen } from '../features/admin/MailboxesScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminMailboxesRoute() {
  return (
    <AdminPage section="mailboxes">{(session) => <MailboxesScreen session={session} />}</AdminPage>
  );
}
