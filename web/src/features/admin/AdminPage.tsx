// The frame of every administration screen: the capability it needs, its title, and the
// administration's own navigation (each section shown when the session's flags allow it).
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { Session } from '../../api/types.ts';
import { Page } from '../../components/Page.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { can, RequireCapability, type Capability } from './RequireCapability.tsx';

export const ADMIN_SECTIONS = [
  { href: '/admin/policies', key: 'policies', capability: 'policy.manage' },
  { href: '/admin/calendars', key: 'calendars', capability: 'policy.manage' },
  { href: '/admin/templates', key: 'templates', capability: 'template.edit' },
  { href: '/admin/users', key: 'users', capability: 'user.manage' },
  { href: '/admin/departments', key: 'departments', capability: 'department.manage' },
  { href: '/admin/mailboxes', key: 'mailboxes', capability: 'mailbox.read' },
  { href: '/admin/tokens', key: 'tokens', capability: 'user.manage' },
  { href: '/admin/privacy', key: 'privacy', capability: 'privacy.read' },
] as const satisfies readonly { href: string; key: string; capability: Capability }[];

export type AdminSection = (typeof ADMIN_SECTIONS)[number]['key'];

export const adminSectionsFor = (session: Session) =>
  ADMIN_SECTIONS.filter((s) => can(session, s.capability));

function AdminNav({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <nav aria-label={t('admin.nav')} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 border-b border-slate-300 pb-2">
        {adminSectionsFor(session).map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={
                location === s.href
                  ? 'page'
                  : location.startsWith(`${s.href}/`)
                    ? 'true'
                    : undefined
              }
              className="inline-flex min-h-11 items-center px-1 font-semibold text-blue-800 underline-offset-4 hover:underline aria-[current=page]:text-slate-900 aria-[current=page]:underline"
            >
              {t(`admin.sections.${s.key}.title`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AdminPage({
  section,
  children,
}: {
  section: AdminSection;
  children: (session: Session) => ReactNode;
}) {
  const { t } = useTranslation();
  const capability = ADMIN_SECTIONS.find((s) => s.key === section)!.capability;
  return (
    <RequireCapability capability={capability}>
      {(session) => (
        <Page title={t(`admin.sections.${section}.title`)}>
          <AdminNav session={session} />
          {children(session)}
        </Page>
      )}
    </RequireCapability>
  );
}
