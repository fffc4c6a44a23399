import type { Route } from './router';
import { Link } from '../ui/Link';

/** Pages behind sign-in (filled in as the server API lands). */
export function ShellRoutes({ route }: { route: Route }) {
  return (
    <main id="main" className="page">
      <h1>Trailmap</h1>
      <p>Page “{route.page}” is not available yet.</p>
      <Link href="/sandbox">Open the sandbox</Link>
    </main>
  );
}
