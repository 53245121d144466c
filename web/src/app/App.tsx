// The app's routes, one lazily loaded file each (src/routes/), so a page loads only its own
// code: the tracking page never loads the web form's, nor the staff screens'.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Router, Switch } from 'wouter';
import { Layout } from '../components/Layout.tsx';
import { Loading } from '../components/States.tsx';
import { SessionExpiry } from '../features/auth/SessionExpiry.tsx';

/** Each route's code, by its path pattern. */
const LOADERS = {
  '/': () => import('../routes/home.tsx'),
  '/complain': () => import('../routes/complain.tsx'),
  '/track/:reference': () => import('../routes/track.tsx'),
  '/procedure/:policy': () => import('../routes/procedure.tsx'),
  '/login': () => import('../routes/login.tsx'),
  '/queue': () => import('../routes/queue.tsx'),
  '/dashboard': () => import('../routes/dashboard.tsx'),
  '/dashboard/complaints': () => import('../routes/dashboard-complaints.tsx'),
  '/returns': () => import('../routes/returns.tsx'),
  '/returns/:kind': () => import('../routes/return.tsx'),
  '/returns/:kind/complaints': () => import('../routes/return.tsx'),
  '/returns/:kind/filed/:id': () => import('../routes/return.tsx'),
  '/notifications': () => import('../routes/notifications.tsx'),
  '/complaints/new': () => import('../routes/log-complaint.tsx'),
  '/complaints/:reference': () => import('../routes/complaint.tsx'),
  '/admin': () => import('../routes/admin.tsx'),
  '/admin/policies': () => import('../routes/admin-policies.tsx'),
  '/admin/calendars': () => import('../routes/admin-calendars.tsx'),
  '/admin/users': () => import('../routes/admin-users.tsx'),
  '/admin/templates': () => import('../routes/admin-templates.tsx'),
  '/admin/mailboxes': () => import('../routes/admin-mailboxes.tsx'),
  '/admin/tokens': () => import('../routes/admin-tokens.tsx'),
  '/admin/departments': () => import('../routes/admin-departments.tsx'),
  '/admin/privacy': () => import('../routes/admin-privacy.tsx'),
  '/admin/privacy/requests/:id': () => import('../routes/admin-privacy-request.tsx'),
  '/audit': () => import('../routes/audit.tsx'),
  '/inbox': () => import('../routes/inbox.tsx'),
  '/inbox/:tab': () => import('../routes/inbox.tsx'),
  '/lessons': () => import('../routes/lessons.tsx'),
} as const;
export const ROUTES = {} as Record<keyof typeof LOADERS, LazyExoticComponent<ComponentType>>;
for (const path of Object.keys(LOADERS) as (keyof typeof LOADERS)[])
  ROUTES[path] = lazy(LOADERS[path]);

/** Starts loading the code of the route a path opens (main.tsx, alongside the strings, so the
 *  route's own requests — the queue's first page — go out before the app first renders). The
 *  module system keeps the one copy, which the lazy route then renders. */
export function preloadRoute(pathname: string): void {
  const parts = pathname.split('/');
  const literal = (pattern: string) => !pattern.includes(':');
  const matches = (pattern: string) => {
    const want = pattern.split('/');
    return (
      want.length === parts.length && want.every((w, i) => w.startsWith(':') || w === parts[i])
    );
  };
  const paths = Object.keys(LOADERS) as (keyof typeof LOADERS)[];
  // A literal path (/complaints/new) before a pattern that would match it too.
  const path = paths.find((p) => literal(p) && matches(p)) ?? paths.find(matches);
  if (path) void LOADERS[path]().catch(() => {}); // a failure is the lazy route's to show
}
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
