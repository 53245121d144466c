// A staff page that needs one of the API's capability flags (GET /auth/session): the flags
// decide, never a copy of the roles table. Without it, a message and the person's own home.
import type { ReactNode } from 'react';
import type { Session } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { ROLES_ALL, ROLE_HOME } from './roles.ts';
import { RequireStaff } from '../auth/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export type Capability = keyof Session['capabilities'];

export const can = (session: Session, capability: Capability): boolean =>
  session.capabilities[capability] === true;

export function RequireCapability({
  capability,
  children,
}: {
  capability: Capability;
  children: (session: Session) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RequireStaff roles={ROLES_ALL}>
      {(session) =>
        can(session, capability) ? (
          children(session)
        ) : (
          <Alert tone="info" title={t('staff.notAllowed')}>
            <ButtonLink href={ROLE_HOME[session.user.role]} variant="secondary">
              {t('staff.goHome')}
            </ButtonLink>
          </Alert>
        )
      }
    </RequireStaff>
  );
}
