import { measureText } from '../text/measure';
import { wrapText } from '../text/wrap';
import { cellKey, type Model } from './model';
import { METRICS } from './scene';
import type { ColumnBox } from './types';

export interface StageSpan {
  stageId: string;
  x: number;
  width: number;
  columns: (ColumnBox & { label?: string })[];
}

const WIDTH_STEP = METRICS.widthStep;
const COMFORTABLE_LINES = METRICS.comfortableLines;

/** The narrowest width (within bounds) at which the longest text of a column wraps comfortably. */
function widthFor(longest: string): number {
  if (!longest) return METRICS.minColumnWidth;
  for (let width = METRICS.minColumnWidth; width < METRICS.maxColumnWidth; width += WIDTH_STEP) {
    const inner = width - 2 * METRICS.cardPadding - 2 * METRICS.cardGap;
    if (wrapText(longest, { size: METRICS.cardText, maxWidth: inner }).length <= COMFORTABLE_LINES)
      return width;
  }
  return METRICS.maxColumnWidth;
}

/**
 * Column widths from stage content: one column per step (plus one for cards not on a step), each
 * as narrow as its longest card allows, stretched so the grid fills at least `minGridWidth`.
 */
export function layoutColumns(model: Model, left: number, minGridWidth: number): StageSpan[] {
  const spans: StageSpan[] = [];
  for (const { stage, steps } of model.stages) {
    const hasLooseCards = model.lanes.some((lane) =>
      model.cardsByCell.has(cellKey(lane.id, stage.id, undefined)),
    );
    const keys: ({ id: string; name: string } | undefined)[] =
      steps.length === 0 ? [undefined] : hasLooseCards ? [undefined, ...steps] : steps;
    const columns = keys.map((step) => {
      let longest = '';
      let longestWidth = 0;
      for (const lane of model.lanes) {
        for (const card of model.cardsByCell.get(cellKey(lane.id, stage.id, step?.id)) ?? []) {
          const width = card.text.length > 4000 ? Infinity : measureText(card.text, METRICS.cardText);
          if (width > longestWidth) [longest, longestWidth] = [card.text, width];
        }
      }
      return {
        stageId: stage.id,
        ...(step ? { stepId: step.id, label: step.name } : keys.length > 1 ? { label: 'General' } : {}),
        x: 0,
        width: widthFor(longest),
      };
    });
    const nameWidth = Math.min(measureText(stage.name, 15, 'bold') / 2 + 32, 420);
    const spanWidth = columns.reduce((sum, column) => sum + column.width, 0);
    if (spanWidth < nameWidth) columns[columns.length - 1]!.width += nameWidth - spanWidth;
    spans.push({ stageId: stage.id, x: 0, width: 0, columns });
  }
  const natural = spans.reduce((sum, span) => sum + span.columns.reduce((s, c) => s + c.width, 0), 0);
  const stretch = natural > 0 && natural < minGridWidth ? minGridWidth / natural : 1;
  let x = left;
  for (const span of spans) {
    span.x = x;
    for (const column of span.columns) {
      column.width = Math.floor(column.width * stretch);
      column.x = x;
      x += column.width;
    }
    span.width = x - span.x;
  }
  return spans;
}
