import type { Card, Journey, Lane, LaneKind, Opportunity, Stage } from '@trailmap/schema';
import { compareByIndex, sortByIndex } from '@trailmap/core';
import {
  RENDER_METRICS as R,
  cardHeight,
  cardTextWidth,
  columnWidthFor,
  evidenceIndex,
  opportunityHeight,
  stageNameWidth,
} from './renderMetrics';

/** Screen-only sizes; everything inside the grid comes from RENDER_METRICS. */
export const GRID_METRICS = {
  laneHeaderWidth: R.laneHeaderWidth,
  stageHeaderHeight: 64,
  collapsedColumnWidth: 40,
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
  /** The band of opportunities under the lanes, as on the poster (absent when there are none). */
  opportunityBand?: { y: number; height: number };
  opportunities: OpportunityBox[];
  /** Cards by cell key `laneId|columnKey`, in display order. */
  cells: Map<string, CardBox[]>;
}

export const cellKey = (laneId: string, columnKey: string) => `${laneId}|${columnKey}`;
export const columnKeyOf = (stageId: string, stepId?: string) => (stepId ? `${stageId}/${stepId}` : stageId);

function isSorted(cards: readonly Card[]) {
  for (let i = 1; i < cards.length; i++) if (compareByIndex(cards[i - 1]!, cards[i]!) > 0) return false;
  return true;
}

function groupCards(doc: Journey) {
  const byCell = new Map<string, Card[]>();
  for (const card of doc.cards) {
    const key = cellKey(card.laneId, columnKeyOf(card.stageId, card.stepId));
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  // Cards usually arrive in index order already: checking is cheaper than sorting 2,000 each save.
  for (const [key, list] of byCell) if (!isSorted(list)) byCell.set(key, sortByIndex(list));
  return byCell;
}

/** Columns as render lays them out: one per step (plus "General" for loose cards), width by content. */
function layoutColumns(
  doc: Journey,
  lanes: Lane[],
  byCell: Map<string, Card[]>,
  collapsed: ReadonlySet<string>,
) {
  const stepsByStage = new Map<string, Journey['steps']>();
  for (const step of sortByIndex(doc.steps))
    stepsByStage.set(step.stageId, [...(stepsByStage.get(step.stageId) ?? []), step]);
  const stages: StageBox[] = [];
  for (const stage of sortByIndex(doc.stages)) {
    const steps = stepsByStage.get(stage.id) ?? [];
    const hasLoose = lanes.some((lane) => byCell.has(cellKey(lane.id, stage.id)));
    const keys = steps.length === 0 ? [undefined] : hasLoose ? [undefined, ...steps] : steps;
    const isCollapsed = collapsed.has(stage.id);
    const columns: ColumnBox[] = keys.map((step) => {
      let longest = '';
      let longestWidth = 0;
      for (const lane of lanes) {
        for (const card of byCell.get(cellKey(lane.id, columnKeyOf(stage.id, step?.id))) ?? []) {
          const width = cardTextWidth(card);
          if (width > longestWidth) [longest, longestWidth] = [card.text, width];
        }
      }
      const label = step ? step.name : keys.length > 1 ? 'General' : stage.name;
      return {
        key: columnKeyOf(stage.id, step?.id),
        stageId: stage.id,
        ...(step ? { stepId: step.id } : {}),
        label,
        x: 0,
        width: columnWidthFor(longest),
        isCollapsed,
      };
    });
    const spanWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const nameWidth = stageNameWidth(stage.name);
    if (spanWidth < nameWidth) columns[columns.length - 1]!.width += nameWidth - spanWidth;
    stages.push({
      stage,
      x: 0,
      width: 0,
      isCollapsed,
      columns: isCollapsed ? [{ ...columns[0]!, key: stage.id, label: stage.name }] : columns,
    });
  }
  const natural = stages.reduce((sum, span) => sum + span.columns.reduce((s, c) => s + c.width, 0), 0);
  const stretch =
    natural > 0 && natural < R.minGridWidth && collapsed.size === 0 ? R.minGridWidth / natural : 1;
  let x = GRID_METRICS.laneHeaderWidth;
  for (const span of stages) {
    span.x = x;
    for (const column of span.columns) {
      column.width = span.isCollapsed
        ? GRID_METRICS.collapsedColumnWidth
        : Math.floor(column.width * stretch);
      column.x = x;
      x += column.width;
    }
    span.width = x - span.x;
  }
  return { stages, columns: stages.flatMap((span) => span.columns), width: x };
}

/**
 * Lays the map out as stages (columns, split by steps) × lanes (rows) with the same metrics and
 * text wrapping as the poster (@trailmap/render), cached per card so edits stay cheap.
 * Collapsed stages are a screen-only view: their column narrows and hides its cards.
 */
export function layoutGrid(doc: Journey, collapsedStages: ReadonlySet<string> = new Set()): GridLayout {
  const lanes = sortByIndex(doc.lanes);
  const byCell = groupCards(doc);
  const { stages, columns, width } = layoutColumns(doc, lanes, byCell, collapsedStages);
  const evidence = evidenceIndex(doc.evidence);
  const rows: RowBox[] = [];
  const cards: CardBox[] = [];
  const cells = new Map<string, CardBox[]>();
  let y = GRID_METRICS.stageHeaderHeight;
  for (const lane of lanes) {
    const isCollapsed = lane.collapsed === true;
    let height: number = isCollapsed
      ? R.collapsedLaneHeight
      : lane.kind === 'emotions'
        ? R.emotionLaneHeight
        : R.minLaneHeight;
    if (!isCollapsed && lane.kind !== 'emotions') {
      let tallest = 0;
      for (const column of columns) {
        if (column.isCollapsed) continue;
        let cursor = y + R.cardGap;
        const boxes: CardBox[] = [];
        for (const card of byCell.get(cellKey(lane.id, column.key)) ?? []) {
          const cardWidth = column.width - 2 * R.cardGap;
          const box = {
            card,
            x: column.x + R.cardGap,
            y: cursor,
            width: cardWidth,
            height: cardHeight(card, cardWidth, evidence),
          };
          boxes.push(box);
          cursor += box.height + R.cardGap;
        }
        cells.set(cellKey(lane.id, column.key), boxes);
        for (const box of boxes) cards.push(box);
        tallest = Math.max(tallest, cursor - y - R.cardGap);
      }
      height = Math.max(R.minLaneHeight, tallest + R.cardGap);
    }
    rows.push({ lane, kind: lane.kind, y, height, isCollapsed });
    y += height;
  }
  const layout: GridLayout = { width, height: y, stages, columns, rows, cards, opportunities: [], cells };
  if (doc.opportunities.length > 0) addOpportunityBand(doc, layout);
  return layout;
}

function addOpportunityBand(doc: Journey, layout: GridLayout) {
  const top = layout.height + 16;
  const cards = new Map(doc.cards.map((card) => [card.id, card]));
  let tallest = 0;
  for (const span of layout.stages) {
    if (span.isCollapsed) continue;
    let cursor = top + R.cardGap;
    for (const opportunity of sortByIndex(doc.opportunities.filter((o) => o.stageId === span.stage.id))) {
      const box = {
        opportunity,
        columnKey: span.columns[0]!.key,
        x: span.x + R.cardGap,
        y: cursor,
        width: span.width - 2 * R.cardGap,
        height: opportunityHeight(opportunity, span.width - 2 * R.cardGap, cards),
      };
      layout.opportunities.push(box);
      cursor += box.height + R.cardGap;
    }
    tallest = Math.max(tallest, cursor - top);
  }
  const height = Math.max(R.minLaneHeight, tallest);
  layout.opportunityBand = { y: top, height };
  layout.height = top + height;
}
