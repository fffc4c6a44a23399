import { useEditor } from '../editor/EditorContext';

const DASHES = {
  direct: undefined,
  bidirectional: undefined,
  'controlled-evaluation': '6 4',
  'open-exploration': '2 4',
} as const;

/** Arrows between touchpoint cards, styled by connection kind. */
export function ConnectionsOverlay() {
  const { doc, layout } = useEditor();
  if (doc.connections.length === 0) return null;
  const boxes = new Map(layout.cards.map((box) => [box.card.id, box]));
  return (
    <svg className="connections" width={layout.width} height={layout.height} aria-hidden="true">
      <defs>
        <marker
          id="arrow-end"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="connection-head" />
        </marker>
      </defs>
      {doc.connections.map((connection) => {
        const from = boxes.get(connection.fromCardId);
        const to = boxes.get(connection.toCardId);
        if (!from || !to) return null;
        const x1 = from.x + from.width;
        const y1 = from.y + from.height / 2;
        const x2 = to.x;
        const y2 = to.y + to.height / 2;
        const bend = Math.max(24, Math.abs(x2 - x1) / 2);
        return (
          <path
            key={connection.id}
            d={`M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`}
            className={`connection connection-${connection.kind}`}
            strokeDasharray={DASHES[connection.kind]}
            markerEnd="url(#arrow-end)"
            markerStart={connection.kind === 'bidirectional' ? 'url(#arrow-end)' : undefined}
          />
        );
      })}
    </svg>
  );
}
