import { useEffect, useState } from 'react';
import { setBearerToken } from '../api/client';
import { endpoints } from '../api/endpoints';
import { openMapSession, type OpenedMap } from '../session/openMapSession';
import { EditorProvider } from '../editor/EditorProvider';
import { EditorView } from '../editor/EditorView';
import { describeError } from '../lib/errorMessages';
import { randomIdBody } from '../session/commandContext';

type Failure = { code: string; message: string };

/**
 * A map opened through a share link (`/s/:token`): the server says which map the token opens,
 * then it loads read-only (or comment-only), no account needed.
 */
export function SharedPage({ token }: { token: string }) {
  const [opened, setOpened] = useState<OpenedMap | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  useEffect(() => {
    let isActive = true;
    let current: OpenedMap | undefined;
    const open = async () => {
      // Looked up before the token becomes the bearer: a dead token must not authenticate anything.
      const { mapId } = await endpoints.shareLookup(token);
      if (!isActive) return;
      setBearerToken(token);
      const result = await openMapSession(mapId, {
        user: { id: `guest-${randomIdBody(6)}`, name: 'Guest' },
        token,
      });
      if (!isActive) return result.session.destroy();
      current = result;
      setOpened(result);
    };
    open().catch((caught: unknown) => isActive && setFailure(describeError(caught)));
    return () => {
      isActive = false;
      current?.collaboration?.destroy();
      current?.session.destroy();
      setBearerToken(undefined);
    };
  }, [token]);
  if (failure?.code === 'SHARE_LINK_NOT_FOUND') {
    return (
      <main id="main" className="page" data-testid="shared-invalid">
        <h1>This link is no longer valid</h1>
        <p>{failure.message}</p>
        <p>Ask the person who shared the map for a new link.</p>
      </main>
    );
  }
  if (failure) {
    return (
      <main id="main" className="page" data-testid="shared-error">
        <h1>Cannot open this link</h1>
        <p>{failure.message}</p>
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
