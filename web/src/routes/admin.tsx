// `/admin`: the administration's sections this person may open (by the session's flags).
import { Link } from 'wouter';
import { useTranslation } from '../i18n/use-translation.ts';
import { Page } from '../components/Page.tsx';
import { adminSectionsFor } from '../features/admin/AdminPage.tsx';
import { RequireStaff } from '../features/auth/index.ts';
import { ROLES_ALL } from '../features/admin/roles.ts';
import { loadStrings } from '../i18n/index.ts';

await Promise.all([loadStrings('staff'), loadStrings('admin')]);

export default function AdminRoute() {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={ROLES_ALL}>
      {(session) => {
        const sections = adminSectionsFor(session);
        return (
          <Page title={t('admin.title')}>
            <p className="mb-6 max-w-prose">{t('admin.intro')}</p>
            {sections.length === 0 ? (
              <p>{t('staff.notAllowed')}</p>
            ) : (
              <ul className="grid gap-4 sm:grid-cols-2">
                {sections.map((s) => (
                  <li key={s.href} className="rounded border border-slate-300 p-4">
                    <Link href={s.href} className="text-xl font-bold text-blue-800 underline">
                      {t(`admin.sections.${s.key}.title`)}
                    </Link>
                    <p className="mt-1">{t(`admin.sections.${s.key}.about`)}</p>
                  </li>
                ))}
              </ul>
            )}
          </Page>
        );
      }}
    </RequireStaff>
  );
}
