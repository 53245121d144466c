// The app's routes, one lazily loaded file each (src/routes/), so a page loads only its own
// code: the tracking page never loads the web form's, nor the staff screens'.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Route, Router, Switch } from 'wouter';
import { Layout } from '../components/Layout.tsx';
import { Loading } from '../components/States.tsx';
import { SessionExpiry } from '../features/auth/SessionExpiry.tsx';

export const ROUTES = {
  '/': lazy(() => import('../routes/home.tsx')),
  '/complain': lazy(() => import('../routes/complain.tsx')),
  '/track/:reference': lazy(() => import('../routes/track.tsx')),
  '/procedure/:policy': lazy(() => import('../routes/procedure.tsx')),
  '/login': lazy(() => import('../routes/login.tsx')),
  '/queue': lazy(() => import('../routes/queue.tsx')),
  '/dashboard': lazy(() => import('../routes/dashboard.tsx')),
  '/dashboard/complaints': lazy(() => import('../routes/dashboard-complaints.tsx')),
  '/returns': lazy(() => import('../routes/returns.tsx')),
  '/returns/:kind': lazy(() => import('../routes/return.tsx')),
  '/returns/:kind/complaints': lazy(() => import('../routes/return.tsx')),
  '/returns/:kind/filed/:id': lazy(() => import('../routes/return.tsx')),
  '/notifications': lazy(() => import('../routes/notifications.tsx')),
  '/complaints/new': lazy(() => import('../routes/log-complaint.tsx')),
  '/complaints/:reference': lazy(() => import('../routes/complaint.tsx')),
  '/admin': lazy(() => import('../routes/admin.tsx')),
  '/admin/policies': lazy(() => import('../routes/admin-policies.tsx')),
  '/admin/calendars': lazy(() => import('../routes/admin-calendars.tsx')),
  '/admin/users': lazy(() => import('../routes/admin-users.tsx')),
  '/admin/templates': lazy(() => import('../routes/admin-templates.tsx')),
  '/admin/mailboxes': lazy(() => import('../routes/admin-mailboxes.tsx')),
  '/admin/tokens': lazy(() => import('../routes/admin-tokens.tsx')),
  '/admin/departments': lazy(() => import('../routes/admin-departments.tsx')),
  '/admin/privacy': lazy(() => import('../routes/admin-privacy.tsx')),
  '/admin/privacy/requests/:id': lazy(() => import('../routes/admin-privacy-request.tsx')),
  '/audit': lazy(() => import('../routes/audit.tsx')),
  '/inbox': lazy(() => import('../routes/inbox.tsx')),
  '/inbox/:tab': lazy(() => import('../routes/inbox.tsx')),
  '/lessons': lazy(() => import('../routes/lessons.tsx')),
} as const;
const NotFound = lazy(() => import('../routes/not-found.tsx'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router>
        <SessionExpiry />
        <Suspense
          fallback={
            <Layout>
              <Loading />
            </Layout>
          }
        >
          <Switch>
            {Object.entries(ROUTES).map(([path, Component]) => (
              <Route key={path} path={path} component={Component} />
            ))}
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </Router>
    </QueryClientProvider>
  );
}
