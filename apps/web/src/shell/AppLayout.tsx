import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { endpoints } from '../api/endpoints';
import { navigate } from '../app/router';
import { Link } from '../ui/Link';
import { toastError } from '../ui/toasts';
import { loadAuth } from './auth';
import { workspaceStore, useWorkspaces } from './workspace';
import { NotificationsMenu } from './NotificationsMenu';

/** Header with workspace switcher, navigation, notifications and account; pages go below. */
export function AppLayout({ user, children }: { user: User; children: (workspaceId: string) => ReactNode }) {
  const { workspaces, current } = useWorkspaces(user.name);
  const signOut = async () => {
    try {
      await endpoints.signOut();
    } catch (error) {
      toastError(error);
    }
    await loadAuth(true);
    navigate('/signin');
  };
  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          Trailmap
        </Link>
        <nav aria-label="Main">
          <Link href="/">Maps</Link>
          <Link href="/personas">Personas</Link>
        </nav>
        {workspaces && workspaces.length > 0 && (
          <label>
            <span className="visually-hidden">Workspace</span>
            <select
              value={current?.id ?? ''}
              onChange={(e) => workspaceStore.set(e.target.value)}
              data-testid="workspace-switcher"
            >
              {workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="toolbar-end toolbar-group">
          <NotificationsMenu />
          <span data-testid="current-user">{user.name || user.email}</span>
          <button type="button" onClick={signOut} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </header>
      {current ? children(current.id) : <p className="loading">Loading workspace…</p>}
    </>
  );
}
