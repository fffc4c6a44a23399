import { useEditor } from '../editor/EditorContext';
import { GRID_METRICS } from './gridLayout';
import { OpportunityView } from './OpportunityView';

/** The action-plan band under the lanes (as on the poster): opportunities per stage. */
export function OpportunityBand({ rowIndex }: { rowIndex: number }) {
  const { layout } = useEditor();
  const band = layout.opportunityBand;
  if (!band) return null;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="lane-row lane-opportunity-band"
      style={{ top: band.y, height: band.height, width: layout.width }}
      data-testid="opportunity-band"
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className="lane-header"
        style={{ width: GRID_METRICS.laneHeaderWidth, height: band.height }}
      >
        <span className="lane-label">Opportunities</span>
        <span className="lane-kind">Action plan</span>
      </div>
      {layout.stages.map((span) => (
        <div
          role="gridcell"
          key={span.stage.id}
          className="grid-cell"
          style={{ left: span.x, width: span.width }}
        >
          {layout.opportunities
            .filter((box) => box.opportunity.stageId === span.stage.id)
            .map((box) => (
              <OpportunityView key={box.opportunity.id} box={box} offsetX={span.x} offsetY={band.y} />
            ))}
        </div>
      ))}
    </div>
  );
}
