// When a signed-in call comes back 401, the session has ended: forget it and go to the sign-in
// page, which returns here afterwards (a form in progress is kept by its draft).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { csrf, onSessionExpired } from '../../api/client.ts';
import { SESSION_KEY } from './session.ts';

export function SessionExpiry() {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  useEffect(
    () =>
      onSessionExpired(() => {
        if (window.location.pathname === '/login') return;
        csrf.set(null);
        client.setQueryData(SESSION_KEY, null);
        const next = encodeURIComponent(window.location.pathname + window.location.search);
        navigate(`/login?expired=1&next=${next}`, { replace: true });
      }),
    [client, navigate],
  );
  return null;
}
