import { Suspense, lazy, useEffect, useState } from 'react';
import type { User } from '../api/types';
import { endpoints } from '../api/endpoints';
import { openMapSession, type OpenedMap } from '../session/openMapSession';
import { EditorProvider } from '../editor/EditorProvider';
import { EditorView } from '../editor/EditorView';
import { describeError } from '../lib/errorMessages';
import { mapPath } from '../app/router';
import { Link } from '../ui/Link';
import { ShareDialog } from './ShareDialog';

// Loaded on first open, so the analytics views stay out of the editor's initial JS.
const AnalyticsPanel = lazy(() =>
  import('../analytics/AnalyticsPanel').then((module) => ({ default: module.AnalyticsPanel })),
);

/** Loads a map from the server (live when possible) and shows the editor. */
export function EditorPage({ mapId, user, workspaceId }: { mapId: string; user: User; workspaceId: string }) {
  const [opened, setOpened] = useState<OpenedMap | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isSharing, setSharing] = useState(false);
  const [isAnalyticsOpen, setAnalyticsOpen] = useState(false);

  useEffect(() => {
    let isActive = true;
    let current: OpenedMap | undefined;
    setOpened(undefined);
    openMapSession(mapId, {
      user: { id: user.id, name: user.name || user.email, email: user.email },
      members: () =>
        endpoints
          .workspaceMembers(workspaceId)
          .then((members) => members.map((m) => ({ id: m.userId, name: m.name || m.email, email: m.email }))),
    }).then(
      (result) => {
        if (!isActive) return result.session.destroy();
        current = result;
        setOpened(result);
        document.title = `${result.session.getDoc().map.title} · Trailmap`;
      },
      (caught: unknown) => isActive && setError(describeError(caught).message),
    );
    return () => {
      isActive = false;
      current?.collaboration?.destroy();
      current?.session.destroy();
    };
  }, [mapId, user.id, user.name, user.email, workspaceId]);

  if (error) {
    return (
      <main id="main" className="page" data-testid="editor-error">
        <h1>Cannot open this map</h1>
        <p>{error}</p>
        <Link href="/">Back to maps</Link>
      </main>
    );
  }
  if (!opened) return <p className="loading">Opening map…</p>;
  const isOwner = opened.role === 'owner' || opened.role === 'editor';
  return (
    <EditorProvider
      session={opened.session}
      {...(opened.collaboration ? { collaboration: opened.collaboration } : {})}
    >
      <EditorView
        extraToolbar={
          <>
            <span
              className="badge"
              data-testid="session-mode"
              title={opened.mode === 'live' ? 'Live collaboration' : 'Saved over HTTP'}
            >
              {opened.mode === 'live' ? 'Live' : 'HTTP'} · {opened.role}
            </span>
            <Link href={mapPath(mapId, 'history')} data-testid="toolbar.history">
              History
            </Link>
            <Link href={mapPath(mapId, 'present')} data-testid="toolbar.present">
              Present
            </Link>
            <button
              type="button"
              aria-pressed={isAnalyticsOpen}
              onClick={() => setAnalyticsOpen(!isAnalyticsOpen)}
              data-testid="toolbar.analytics"
            >
              Analytics
            </button>
            {isOwner && (
              <button type="button" onClick={() => setSharing(true)} data-testid="toolbar.share">
                Share
              </button>
            )}
          </>
        }
      />
      {isAnalyticsOpen && (
        <Suspense fallback={<p className="loading">Opening analytics…</p>}>
          <AnalyticsPanel mapId={mapId} workspaceId={workspaceId} onClose={() => setAnalyticsOpen(false)} />
        </Suspense>
      )}
      {isSharing && <ShareDialog mapId={mapId} workspaceId={workspaceId} onClose={() => setSharing(false)} />}
    </EditorProvider>
  );
}
