// `/inbox` and `/inbox/{approvals|escalations|decisions|flags}`: the managers' inboxes, for
// whoever may approve responses (the API's capability flag decides).
import { Redirect, useParams } from 'wouter';
import { Page } from '../components/Page.tsx';
import { RequireCapability } from '../features/admin/RequireCapability.tsx';
import { isInboxTab } from '../features/inbox/api.ts';
import { InboxScreen } from '../features/inbox/InboxScreen.tsx';
import { loadStrings } from '../i18n/index.ts';
import { useTranslation } from '../i18n/use-translation.ts';

await Promise.all([
  loadStrings('staff'),
  loadStrings('queue'),
  loadStrings('case'),
  loadStrings('manage'),
]);

export default function InboxRoute() {
  const { t } = useTranslation();
  const { tab = 'approvals' } = useParams<{ tab?: string }>();
  if (!isInboxTab(tab)) return <Redirect to="/inbox/approvals" replace />;
  return (
    <RequireCapability capability="action.approve-response">
      {(session) => (
        <Page title={`${t(`inbox.tab.${tab}`)} — ${t('inbox.title')}`} heading={t('inbox.title')}>
          <InboxScreen tab={tab} session={session} />
        </Page>
      )}
    </RequireCapability>
  );
}
