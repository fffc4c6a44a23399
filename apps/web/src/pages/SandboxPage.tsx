import { useEffect, useMemo } from 'react';
import { LocalMapSession } from '../session/LocalMapSession';
import { LocalCollaboration } from '../collab/LocalCollaboration';
import { sampleJourney } from '../demo/sampleJourney';
import { EditorProvider } from '../editor/EditorProvider';
import { EditorView } from '../editor/EditorView';

/** An editor on a sample map held in memory: try Trailmap without an account (and benchmark it). */
export function SandboxPage() {
  const cardCount = Number(new URLSearchParams(window.location.search).get('cards') ?? 24);
  const session = useMemo(
    () => new LocalMapSession('map:sandbox', sampleJourney(Math.min(Math.max(cardCount, 0), 20000))),
    [cardCount],
  );
  const collaboration = useMemo(
    () =>
      new LocalCollaboration({ id: 'me', name: 'You' }, [
        { id: 'me', name: 'You' },
        { id: 'ana', name: 'Ana Lima' },
        { id: 'ben', name: 'Ben Okafor' },
      ]),
    [],
  );
  useEffect(() => () => session.destroy(), [session]);
  useEffect(() => {
    document.title = 'Sandbox · Trailmap';
  }, []);
  return (
    <EditorProvider session={session} collaboration={collaboration}>
      <EditorView />
    </EditorProvider>
  );
}
