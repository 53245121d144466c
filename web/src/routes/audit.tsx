// `/audit`: the audit trail, its verification and exports, for whoever may read it.
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { can, RequireCapability } from '../features/admin/RequireCapability.tsx';
import { AuditScreen } from '../features/audit/AuditScreen.tsx';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AuditRoute() {
  const { t } = useTranslation();
  return (
    <RequireCapability capability="audit.read">
      {(session) => (
        <Page title={t('audit.title')}>
          <p className="mb-6 max-w-prose">{t('audit.intro')}</p>
          <AuditScreen canReadUsers={can(session, 'user.read')} />
        </Page>
      )}
    </RequireCapability>
  );
}
