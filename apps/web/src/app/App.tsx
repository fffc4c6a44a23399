import { lazy, Suspense } from 'react';
import { matchRoute, useLocationPath } from './router';
import { Toasts } from '../ui/Toasts';
import { SandboxPage } from '../pages/SandboxPage';

/** Top-level routing; each page loads its own data. */
export function App() {
  const path = useLocationPath();
  const route = matchRoute(path.split('?')[0]!);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Suspense fallback={<p className="loading">Loading…</p>}>
        {route.page === 'sandbox' ? <SandboxPage /> : <ShellRoutes route={route} />}
      </Suspense>
      <Toasts />
    </>
  );
}

const ShellRoutes = lazy(() => import('./ShellRoutes').then((module) => ({ default: module.ShellRoutes })));
