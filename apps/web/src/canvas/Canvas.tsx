import { useLayoutEffect } from 'react';
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
          <LaneRow key={row.lane.id} row={row} rowIndex={i + 2} layout={layout} />
        ))}
        <OpportunityBand rowIndex={layout.rows.length + 2} />
        <ConnectionsOverlay />
        <PeerCursors />
      </div>
    </div>
  );
}
