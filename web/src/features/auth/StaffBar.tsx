// The signed-in shell's bar: who is signed in, the navigation their role has, and sign out.
// REPLACE the role lists with the capability flags GET /auth/session returns once it does.
import { useTranslation } from '../../i18n/use-translation.ts';
import { Suspense, lazy } from 'react';
import { Link, useLocation } from 'wouter';
import type { Role, Session } from '../../api/types.ts';
import { useSignOut } from './session.ts';

const NotificationsLink = lazy(() => import('../notifications/NotificationsLink.tsx'));

const NAV: { href: string; label: 'staff.queue' | 'staff.dashboard'; roles: Role[] }[] = [
  { href: '/queue', label: 'staff.queue', roles: ['handler', 'department_member', 'manager'] },
  { href: '/dashboard', label: 'staff.dashboard', roles: ['manager', 'administrator', 'auditor'] },
];
/** Shown by the session's capability flags (the API decides, not a copy of its table). */
const CAPABILITY_NAV: {
  href: string;
  label: 'staff.admin' | 'staff.audit' | 'staff.returns' | 'staff.inbox' | 'staff.lessons';
  any: (keyof Session['capabilities'])[];
}[] = [
  {
    href: '/admin',
    label: 'staff.admin',
    any: ['policy.manage', 'template.edit', 'user.manage', 'department.manage', 'mailbox.read'],
  },
  { href: '/returns', label: 'staff.returns', any: ['return.read'] },
  { href: '/inbox', label: 'staff.inbox', any: ['action.approve-response'] },
  { href: '/lessons', label: 'staff.lessons', any: ['lesson.read'] },
  { href: '/audit', label: 'staff.audit', any: ['audit.read'] },
];

export function StaffBar({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const signOut = useSignOut();
  const { user } = session;
  const items = [
    ...NAV.filter((n) => n.roles.includes(user.role)),
    ...CAPABILITY_NAV.filter((n) => n.any.some((c) => session.capabilities[c])),
  ];
  return (
    <div className="bg-slate-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2">
        <nav aria-label={t('staff.nav')}>
          <ul className="flex flex-wrap gap-4">
            {items.map((n) => (
              <li key={n.href}>
                <Link
                  href={n.href}
                  aria-current={
                    location === n.href || location.startsWith(`${n.href}/`) ? 'page' : undefined
                  }
                  className="inline-flex min-h-11 items-center font-semibold text-white underline-offset-4 hover:underline aria-[current=page]:underline"
                >
                  {t(n.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-4">
          <Suspense fallback={null}>
            <NotificationsLink />
          </Suspense>
          <span className="text-white">
            {t('staff.signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}
          </span>
          <button
            type="button"
            onClick={() => void signOut().then(() => navigate('/login'))}
            className="min-h-11 rounded border-2 border-white px-3 font-semibold text-white hover:bg-slate-700"
          >
            {t('staff.signOut')}
          </button>
        </div>
      </div>
    </div>
  );
}
