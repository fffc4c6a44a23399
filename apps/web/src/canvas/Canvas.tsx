import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import { ConnectionsOverlay } from './ConnectionsOverlay';
import { LaneRow } from './LaneRow';
import { StageHeader } from './StageHeader';
import { GRID_METRICS } from './gridLayout';
import { PeerCursors } from '../collab/PeerCursors';
import { OpportunityBand } from './OpportunityBand';

/**
 * The map: stages × lanes as an ARIA grid. Everything is positioned from the grid layout so the
 * screen matches the exported poster.
 */
export function Canvas() {
  const { doc, layout } = useEditor();
  const cardLimit = useFirstScreenLimit(layout.cards.length);
  useLayoutEffect(() => {
    // Read by the load benchmark: when the grid was first committed to the DOM.
    if (performance.getEntriesByName('trailmap:grid-rendered').length === 0)
      performance.mark('trailmap:grid-rendered');
  }, []);
  return (
    <div className="canvas-scroll" data-testid="map-canvas">
      <div
        role="grid"
        aria-label={`${doc.map.title}: stages by lanes`}
        aria-rowcount={layout.rows.length + 1}
        aria-colcount={layout.stages.length + 1}
        className="grid"
        style={{ width: layout.width + 48, height: layout.height + 24 }}
        data-testid="map-grid"
      >
        <div
          role="row"
          aria-rowindex={1}
          className="grid-header-row"
          style={{ height: GRID_METRICS.stageHeaderHeight }}
        >
          <div role="columnheader" aria-colindex={1} className="grid-corner">
            <span className="visually-hidden">Lanes</span>
          </div>
          {layout.stages.map((box, i) => (
            <StageHeader key={box.stage.id} box={box} colIndex={i + 2} />
          ))}
        </div>
        {layout.rows.map((row, i) => (
          <LaneRow key={row.lane.id} row={row} rowIndex={i + 2} layout={layout} cardLimit={cardLimit} />
        ))}
        <OpportunityBand rowIndex={layout.rows.length + 2} />
        <ConnectionsOverlay />
        <PeerCursors />
      </div>
    </div>
  );
}

/** Maps up to this size render every card in the first commit. */
const RENDER_AT_ONCE = 400;
/** Cards per cell in the first commit of a larger map: more than a screen's height of them. */
const FIRST_SCREEN_PER_CELL = 12;

/**
 * A large map first commits the top cards of each cell (all a screen can show, as cells are
 * taller than the viewport), then the rest in a transition right after the first paint, so a
 * 2,000-card map is on screen and usable sooner. Positions come from the layout, so nothing moves.
 */
function useFirstScreenLimit(cardCount: number): number {
  const [isComplete, setComplete] = useState(cardCount <= RENDER_AT_ONCE);
  useEffect(() => {
    if (isComplete) return;
    const frame = requestAnimationFrame(() => startTransition(() => setComplete(true)));
    return () => cancelAnimationFrame(frame);
  }, [isComplete]);
  return isComplete ? Infinity : FIRST_SCREEN_PER_CELL;
}
