import type { Card, Journey, Lane, LaneKind, Opportunity, Stage } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';

/** Sizes in CSS pixels; kept in one place so the poster renderer can share them. */
export const GRID_METRICS = {
  laneHeaderWidth: 168,
  stageHeaderHeight: 64,
  columnWidth: 216,
  collapsedColumnWidth: 40,
  cellPadding: 8,
  cardGap: 6,
  cardMinHeight: 44,
  lineHeight: 18,
  charsPerLine: 26,
  emptyRowHeight: 64,
  emotionRowHeight: 148,
  collapsedRowHeight: 32,
} as const;

export interface ColumnBox {
  key: string;
  stageId: string;
  stepId?: string;
  label: string;
  x: number;
  width: number;
  isCollapsed: boolean;
}

export interface StageBox {
  stage: Stage;
  x: number;
  width: number;
  isCollapsed: boolean;
  columns: ColumnBox[];
}

export interface RowBox {
  lane: Lane;
  kind: LaneKind;
  y: number;
  height: number;
  isCollapsed: boolean;
}

export interface CardBox {
  card: Card;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OpportunityBox {
  opportunity: Opportunity;
  laneId: string;
  columnKey: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything sits on the canvas: numbers only, no DOM. */
export interface GridLayout {
  width: number;
  height: number;
  stages: StageBox[];
  columns: ColumnBox[];
  rows: RowBox[];
  cards: CardBox[];
  /** Opportunity records, drawn in the first opportunities lane under its stage. */
  opportunities: OpportunityBox[];
  /** Cards by cell key `laneId|columnKey`, in display order. */
  cells: Map<string, CardBox[]>;
}

const OPPORTUNITY_HEIGHT = 96;

export const cellKey = (laneId: string, columnKey: string) => `${laneId}|${columnKey}`;
export const columnKeyOf = (stageId: string, stepId?: string) => (stepId ? `${stageId}/${stepId}` : stageId);

/** Height a card needs for its text at the grid's column width. */
export function estimateCardHeight(text: string): number {
  const { charsPerLine, lineHeight, cardMinHeight } = GRID_METRICS;
  const lines = text
    .split('\n')
    .reduce((total, line) => total + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
  return Math.max(cardMinHeight, 20 + Math.min(lines, 6) * lineHeight);
}

function layoutColumns(doc: Journey, collapsedStages: ReadonlySet<string>) {
  const m = GRID_METRICS;
  const stepsByStage = new Map<string, Journey['steps']>();
  for (const step of sortByIndex(doc.steps)) {
    const list = stepsByStage.get(step.stageId) ?? [];
    list.push(step);
    stepsByStage.set(step.stageId, list);
  }
  let x = m.laneHeaderWidth;
  const stages: StageBox[] = [];
  for (const stage of sortByIndex(doc.stages)) {
    const isCollapsed = collapsedStages.has(stage.id);
    const steps = stepsByStage.get(stage.id) ?? [];
    const start = x;
    const columns: ColumnBox[] = [];
    if (isCollapsed) {
      columns.push({
        key: stage.id,
        stageId: stage.id,
        label: stage.name,
        x,
        width: m.collapsedColumnWidth,
        isCollapsed,
      });
      x += m.collapsedColumnWidth;
    } else if (steps.length === 0) {
      columns.push({
        key: stage.id,
        stageId: stage.id,
        label: stage.name,
        x,
        width: m.columnWidth,
        isCollapsed,
      });
      x += m.columnWidth;
    } else {
      for (const step of steps) {
        const key = columnKeyOf(stage.id, step.id);
        columns.push({
          key,
          stageId: stage.id,
          stepId: step.id,
          label: step.name,
          x,
          width: m.columnWidth,
          isCollapsed,
        });
        x += m.columnWidth;
      }
    }
    stages.push({ stage, x: start, width: x - start, isCollapsed, columns });
  }
  return { stages, columns: stages.flatMap((stage) => stage.columns), width: x };
}

/**
 * Lays the map out as stages (columns, split by steps) × lanes (rows). Row heights grow with the
 * tallest cell; cards of a collapsed stage or lane are not placed.
 */
export function layoutGrid(doc: Journey, collapsedStages: ReadonlySet<string> = new Set()): GridLayout {
  const m = GRID_METRICS;
  const { stages, columns, width } = layoutColumns(doc, collapsedStages);
  const columnByKey = new Map(columns.map((column) => [column.key, column]));
  const stepStage = new Map(doc.steps.map((step) => [step.id, step.stageId]));
  const byCell = new Map<string, Card[]>();
  for (const card of doc.cards) {
    // A card on a step of a collapsed stage lives in the stage's single column.
    const stepKey = card.stepId && stepStage.get(card.stepId) === card.stageId ? card.stepId : undefined;
    const key = columnByKey.has(columnKeyOf(card.stageId, stepKey))
      ? columnKeyOf(card.stageId, stepKey)
      : card.stageId;
    const list = byCell.get(cellKey(card.laneId, key)) ?? [];
    list.push(card);
    byCell.set(cellKey(card.laneId, key), list);
  }
  const rows: RowBox[] = [];
  const cards: CardBox[] = [];
  const opportunities: OpportunityBox[] = [];
  const opportunityLane = sortByIndex(doc.lanes).find((lane) => lane.kind === 'opportunities');
  const opportunitiesByStage = new Map<string, Opportunity[]>();
  for (const opportunity of sortByIndex(doc.opportunities)) {
    const list = opportunitiesByStage.get(opportunity.stageId) ?? [];
    list.push(opportunity);
    opportunitiesByStage.set(opportunity.stageId, list);
  }
  const cells = new Map<string, CardBox[]>();
  let y = m.stageHeaderHeight;
  for (const lane of sortByIndex(doc.lanes)) {
    const isCollapsed = lane.collapsed === true;
    let height: number = isCollapsed
      ? m.collapsedRowHeight
      : lane.kind === 'emotions'
        ? m.emotionRowHeight
        : m.emptyRowHeight;
    if (!isCollapsed && lane.kind !== 'emotions') {
      for (const column of columns) {
        if (column.isCollapsed) continue;
        let cursor = y + m.cellPadding;
        const boxes: CardBox[] = [];
        for (const card of sortByIndex(byCell.get(cellKey(lane.id, column.key)) ?? [])) {
          const box = {
            card,
            x: column.x + m.cellPadding,
            y: cursor,
            width: column.width - 2 * m.cellPadding,
            height: estimateCardHeight(card.text),
          };
          boxes.push(box);
          cursor += box.height + m.cardGap;
        }
        cells.set(cellKey(lane.id, column.key), boxes);
        cards.push(...boxes);
        // Opportunities sit under the cards of the first column of their stage.
        const isFirstColumn =
          column.key === column.stageId ||
          stages.find((s) => s.stage.id === column.stageId)?.columns[0] === column;
        if (lane === opportunityLane && isFirstColumn) {
          for (const opportunity of opportunitiesByStage.get(column.stageId) ?? []) {
            const box = {
              opportunity,
              laneId: lane.id,
              columnKey: column.key,
              x: column.x + m.cellPadding,
              y: cursor,
              width: column.width - 2 * m.cellPadding,
              height: OPPORTUNITY_HEIGHT,
            };
            opportunities.push(box);
            cursor += box.height + m.cardGap;
          }
        }
        // Room for the "add card" affordance below the last card.
        height = Math.max(height, cursor - y + 28);
      }
    }
    rows.push({ lane, kind: lane.kind, y, height, isCollapsed });
    y += height;
  }
  return { width, height: y, stages, columns, rows, cards, opportunities, cells };
}
