// The guard around staff pages: signed out (or the session ended) → the sign-in page, which
// brings the person back here; a role the page is not for → a message and their own home.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Redirect, useLocation } from 'wouter';
import type { Role, Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Layout } from '../../components/Layout.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { ROLE_HOME, useSession } from './session.ts';
import { StaffBar } from './StaffBar.tsx';

export function RequireStaff({
  roles,
  children,
}: {
  roles: readonly Role[];
  children: (session: Session) => ReactNode;
}) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const session = useSession();
  if (session.isPending)
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  if (session.isError)
    return (
      <Layout>
        <LoadFailed error={session.error} retry={() => void session.refetch()} />
      </Layout>
    );
  if (!session.data) {
    const next = encodeURIComponent(location + window.location.search);
    return <Redirect to={`/login?next=${next}`} replace />;
  }
  const s = session.data;
  return (
    <Layout staffBar={<StaffBar session={s} />}>
      {roles.includes(s.user.role) ? (
        children(s)
      ) : (
        <Alert tone="info" title={t('staff.notAllowed')}>
          <ButtonLink href={ROLE_HOME[s.user.role]} variant="secondary">
            {t('staff.goHome')}
          </ButtonLink>
        </Alert>
      )}
    </Layout>
  );
}
