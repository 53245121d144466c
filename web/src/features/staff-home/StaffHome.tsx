// A signed-in person's home until their screens exist: who they are, what their role does,
// what is waiting for them (open tasks, unread notifications), and links that work today.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import type { ItemList, Role, Session } from '../../api/types.ts';
import { settings } from '../../app/settings.ts';
import { Button } from '../../components/Button.tsx';
import { Section } from '../../components/Page.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';

const SEES_TASKS: Role[] = ['handler', 'manager', 'administrator', 'auditor'];

export function StaffHome({ session, intro }: { session: Session; intro: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { user } = session;
  const tasks = useQuery({
    queryKey: ['tasks', 'open'],
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/tasks', { params: { query: { open: 'true' } } }),
      )) as unknown as ItemList,
    enabled: SEES_TASKS.includes(user.role),
  });
  const notifications = useQuery({
    // Not the notifications feature's key: that one caches the list itself, this one {items}.
    queryKey: ['staff-home', 'notifications'],
    queryFn: async () => (await call(api.GET('/api/v1/notifications'))) as unknown as ItemList,
  });
  const count = (q: { data?: ItemList; isPending: boolean }) =>
    q.isPending
      ? t('app.loading')
      : q.data?.items.length
        ? formatNumber(q.data.items.length, lng)
        : t('staff.none');
  return (
    <>
      <p className="mb-2 text-lg">{t('staff.welcome', { name: user.name })}</p>
      <p className="mb-8 max-w-prose">{intro}</p>
      <Section id="waiting" title={t('staff.canDo', { role: t(`roles.${user.role}`) })}>
        <p className="mb-4 max-w-prose">{t(`roleCan.${user.role}`)}</p>
        <dl className="grid max-w-md grid-cols-[1fr_max-content] gap-x-6 gap-y-2">
          {SEES_TASKS.includes(user.role) && (
            <>
              <dt>{t('staff.tasks')}</dt>
              <dd className="font-bold">{count(tasks)}</dd>
            </>
          )}
          <dt>{t('staff.notifications')}</dt>
          <dd className="font-bold">{count(notifications)}</dd>
        </dl>
        <Button
          variant="secondary"
          className="mt-4"
          onClick={() => {
            if (SEES_TASKS.includes(user.role)) void tasks.refetch();
            void notifications.refetch();
          }}
        >
          {t('staff.refresh')}
        </Button>
      </Section>
      <Section id="links" title={t('staff.links')}>
        <ul className="list-disc pl-6">
          <li className="py-1">
            <Link href="/complain" className="text-blue-800 underline">
              {t('staff.webForm')}
            </Link>
          </li>
          {settings.policies.map((p) => (
            <li key={p.id} className="py-1">
              <Link href={`/procedure/${p.id}`} className="text-blue-800 underline">
                {p.name} ({p.id})
              </Link>
            </li>
          ))}
          <li className="py-1">
            <a href="/api/openapi.json" className="text-blue-800 underline">
              {t('staff.apiDocs')}
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}
