import { useEffect, useState } from 'react';
import { setBearerToken } from '../api/client';
import { openMapSession, type OpenedMap } from '../session/openMapSession';
import { EditorProvider } from '../editor/EditorProvider';
import { EditorView } from '../editor/EditorView';
import { describeError } from '../lib/errorMessages';
import { randomIdBody } from '../session/commandContext';

/** A map opened through a share link: read-only (or comment-only), no account needed. */
export function SharedPage({ token }: { token: string }) {
  const mapId = new URLSearchParams(window.location.search).get('map') ?? '';
  const [opened, setOpened] = useState<OpenedMap | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let isActive = true;
    let current: OpenedMap | undefined;
    setBearerToken(token);
    if (!mapId) {
      setError('This link is incomplete: it does not say which map to open.');
      return;
    }
    openMapSession(mapId, { user: { id: `guest-${randomIdBody(6)}`, name: 'Guest' }, token }).then(
      (result) => {
        if (!isActive) return result.session.destroy();
        current = result;
        setOpened(result);
      },
      (caught: unknown) => isActive && setError(describeError(caught).message),
    );
    return () => {
      isActive = false;
      current?.collaboration?.destroy();
      current?.session.destroy();
      setBearerToken(undefined);
    };
  }, [token, mapId]);
  if (error) {
    return (
      <main id="main" className="page" data-testid="shared-error">
        <h1>Cannot open this link</h1>
        <p>{error}</p>
      </main>
    );
  }
  if (!opened) return <p className="loading">Opening shared map…</p>;
  return (
    <EditorProvider
      session={opened.session}
      {...(opened.collaboration ? { collaboration: opened.collaboration } : {})}
    >
      <div data-testid="shared-view" className="editor-frame">
        <EditorView extraToolbar={<span className="badge">Shared · {opened.role}</span>} />
      </div>
    </EditorProvider>
  );
}
