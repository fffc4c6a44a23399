import { useEffect } from 'react';
import { navigate, type Route } from './router';
import { loadAuth, useAuth } from '../shell/auth';
import { AuthPage } from '../shell/AuthPage';
import { AppLayout } from '../shell/AppLayout';
import { MapListPage } from '../shell/MapListPage';
import { NewMapPage } from '../shell/NewMapPage';
import { PersonasPage } from '../shell/PersonasPage';
import { EditorPage } from '../shell/EditorPage';
import { HistoryPage } from '../history/HistoryPage';
import { PresentPage } from '../shell/PresentPage';
import { SharedPage } from '../shell/SharedPage';
import { Link } from '../ui/Link';

/** Pages that talk to the server; most need a signed-in user. */
export function ShellRoutes({ route }: { route: Route }) {
  const auth = useAuth();
  const isPublic = route.page === 'signin' || route.page === 'signup' || route.page === 'shared';
  useEffect(() => {
    // Sign-in pages do not ask who is signed in: that request would only fail with 401.
    if (!isPublic) void loadAuth();
  }, [isPublic]);
  useEffect(() => {
    if (auth.status === 'signedOut' && !isPublic) {
      navigate(`/signin?next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
    }
  }, [auth.status, isPublic]);

  if (route.page === 'shared') return <SharedPage token={route.token} />;
  if (route.page === 'signin' || route.page === 'signup') return <AuthPage mode={route.page} />;
  if (auth.status !== 'signedIn') return <p className="loading">Loading…</p>;
  const { user } = auth;
  if (route.page === 'present') return <PresentPage mapId={route.mapId} />;
  return (
    <AppLayout user={user}>
      {(workspaceId) => {
        switch (route.page) {
          case 'maps':
            return <MapListPage workspaceId={workspaceId} />;
          case 'newMap':
            return <NewMapPage workspaceId={workspaceId} />;
          case 'personas':
            return <PersonasPage workspaceId={workspaceId} />;
          case 'editor':
            return <EditorPage key={route.mapId} mapId={route.mapId} user={user} workspaceId={workspaceId} />;
          case 'history':
            return <HistoryPage mapId={route.mapId} />;
          default:
            return (
              <main id="main" className="page">
                <h1>Page not found</h1>
                <Link href="/">Back to your maps</Link>
              </main>
            );
        }
      }}
    </AppLayout>
  );
}
