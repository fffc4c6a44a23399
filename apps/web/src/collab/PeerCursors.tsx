import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useEditor } from '../editor/EditorContext';

/** Others' pointers and selections on the grid; also publishes mine (throttled to a frame). */
export function PeerCursors() {
  const { session } = useEditor();
  const peers = useSyncExternalStore(session.subscribe, session.getPeers);
  const anchor = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const grid = anchor.current?.parentElement;
    if (!grid) return;
    let frame = 0;
    const onMove = (event: PointerEvent) => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const rect = grid.getBoundingClientRect();
        session.setPresence({
          cursor: { x: Math.round(event.clientX - rect.left), y: Math.round(event.clientY - rect.top) },
        });
      });
    };
    grid.addEventListener('pointermove', onMove);
    return () => {
      grid.removeEventListener('pointermove', onMove);
      cancelAnimationFrame(frame);
    };
  }, [session]);

  return (
    <div ref={anchor} className="peer-layer" aria-hidden="true">
      {peers.map((peer) => (
        <div key={peer.clientId}>
          {peer.cursor && (
            <div
              className="peer-cursor"
              style={{ left: peer.cursor.x, top: peer.cursor.y, color: peer.color }}
              data-testid="peer-cursor"
            >
              <svg width="14" height="20" viewBox="0 0 14 20">
                <path d="M0,0 L0,16 L4,12 L7,19 L10,18 L7,11 L13,11 z" fill="currentColor" stroke="white" />
              </svg>
              <span className="peer-name" style={{ background: peer.color }}>
                {peer.name}
              </span>
            </div>
          )}
          {(peer.selection ?? []).map((id) => (
            <PeerSelection key={id} cardId={id} color={peer.color} />
          ))}
        </div>
      ))}
    </div>
  );
}

function PeerSelection({ cardId, color }: { cardId: string; color: string }) {
  const { layout } = useEditor();
  const box = layout.cards.find((candidate) => candidate.card.id === cardId);
  if (!box) return null;
  return (
    <div
      className="peer-selection"
      data-testid="peer-selection"
      style={{
        left: box.x - 3,
        top: box.y - 3,
        width: box.width + 6,
        height: box.height + 6,
        borderColor: color,
      }}
    />
  );
}
