import type { CardBox, ColumnBox, GridLayout, OpportunityBox, RowBox, StageBox } from './gridLayout';

/**
 * Hands back the previous layout's objects wherever the new layout is equal to it, so memoized
 * rows, cells and cards see the same props and skip rendering. A keystroke saved into one card
 * then re-renders that card's cell (and whatever really moved), not the 2,000-card grid.
 */
export function reuseLayout(next: GridLayout, previous: GridLayout | undefined): GridLayout {
  if (!previous) return next;
  const oldColumns = new Map(previous.columns.map((column) => [column.key, column]));
  const column = (box: ColumnBox) => {
    const old = oldColumns.get(box.key);
    return old && sameColumn(old, box) ? old : box;
  };
  const oldStages = new Map(previous.stages.map((stage) => [stage.stage.id, stage]));
  const stages = next.stages.map((box) => {
    const columns = reuseArray(box.columns.map(column), oldStages.get(box.stage.id)?.columns);
    const old = oldStages.get(box.stage.id);
    return old && sameStage(old, box) && old.columns === columns ? old : { ...box, columns };
  });
  const columns = reuseArray(
    stages.flatMap((stage) => stage.columns),
    previous.columns,
  );

  const oldRows = new Map(previous.rows.map((row) => [row.lane.id, row]));
  const rows = reuseArray(
    next.rows.map((row) => {
      const old = oldRows.get(row.lane.id);
      return old && sameRow(old, row) ? old : row;
    }),
    previous.rows,
  );

  const oldBoxes = new Map(previous.cards.map((box) => [box.card.id, box]));
  const cells = new Map<string, CardBox[]>();
  for (const [key, boxes] of next.cells) {
    const reused = boxes.map((box) => {
      const old = oldBoxes.get(box.card.id);
      return old && sameBox(old, box) ? old : box;
    });
    cells.set(key, reuseArray(reused, previous.cells.get(key)));
  }
  const cards = [...cells.values()].flat();

  const oldOpportunities = new Map(previous.opportunities.map((box) => [box.opportunity.id, box]));
  const opportunities = reuseArray(
    next.opportunities.map((box) => {
      const old = oldOpportunities.get(box.opportunity.id);
      return old && sameOpportunity(old, box) ? old : box;
    }),
    previous.opportunities,
  );
  const band =
    previous.opportunityBand &&
    next.opportunityBand &&
    previous.opportunityBand.y === next.opportunityBand.y &&
    previous.opportunityBand.height === next.opportunityBand.height
      ? previous.opportunityBand
      : next.opportunityBand;

  return {
    width: next.width,
    height: next.height,
    stages: reuseArray(stages, previous.stages),
    columns,
    rows,
    cards: reuseArray(cards, previous.cards),
    opportunities,
    ...(band ? { opportunityBand: band } : {}),
    cells,
  };
}

/** The previous array itself when it holds the same objects in the same order. */
function reuseArray<T>(next: T[], previous: T[] | undefined): T[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (next[i] !== previous[i]) return next;
  return previous;
}

const sameColumn = (a: ColumnBox, b: ColumnBox) =>
  a.stageId === b.stageId &&
  a.stepId === b.stepId &&
  a.label === b.label &&
  a.x === b.x &&
  a.width === b.width &&
  a.isCollapsed === b.isCollapsed;

const sameStage = (a: StageBox, b: StageBox) =>
  a.stage === b.stage && a.x === b.x && a.width === b.width && a.isCollapsed === b.isCollapsed;

const sameRow = (a: RowBox, b: RowBox) =>
  a.lane === b.lane &&
  a.kind === b.kind &&
  a.y === b.y &&
  a.height === b.height &&
  a.isCollapsed === b.isCollapsed;

const sameBox = (a: CardBox, b: CardBox) =>
  a.card === b.card && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

const sameOpportunity = (a: OpportunityBox, b: OpportunityBox) =>
  a.opportunity === b.opportunity &&
  a.columnKey === b.columnKey &&
  a.x === b.x &&
  a.y === b.y &&
  a.width === b.width &&
  a.height === b.height;
