import type { Journey, Lane } from '@trailmap/schema';
import { stringify } from 'csv-stringify/sync';
import { orderedLanes, orderedStages } from '../selectors';
import { guardCell } from './csvGuard';
import { cardsOfStage, stageScore } from './grid';

/** `Label [kind]`: the first column names the lane and keeps its kind for import. */
export const laneCell = (lane: Pick<Lane, 'label' | 'kind'>) => `${lane.label} [${lane.kind}]`;

/**
 * Writes the map's grid as CSV (RFC 4180, CRLF line ends): a header `lane,<stage names…>`, then
 * for each lane one row per card depth (row k holds the k-th card of every cell; a lane with no
 * cards keeps one empty row). The first row of an emotions lane holds each stage's score
 * (its own point, or the mean of its steps'); a map with scores but no emotions lane gets an
 * extra `Emotion [emotions]` row. Every cell is guarded against formula injection.
 * Steps are flattened into their stage; other records (persona, opportunities…) are left out.
 */
export function toCsv(doc: Journey): string {
  const stages = orderedStages(doc);
  const rows: string[][] = [['lane', ...stages.map((stage) => stage.name)]];
  const scoreRow = (label: string) => [
    label,
    ...stages.map((stage) => {
      const score = stageScore(doc, stage.id);
      return score === undefined ? '' : String(score);
    }),
  ];
  const lanes = orderedLanes(doc);
  for (const lane of lanes) {
    const cells = stages.map((stage) => cardsOfStage(doc, lane.id, stage.id).map((card) => card.text));
    const depth = Math.max(0, ...cells.map((cell) => cell.length));
    if (lane.kind === 'emotions') rows.push(scoreRow(laneCell(lane)));
    else if (depth === 0) rows.push([laneCell(lane), ...stages.map(() => '')]);
    for (let k = 0; k < depth; k++) rows.push([laneCell(lane), ...cells.map((cell) => cell[k] ?? '')]);
  }
  if (doc.emotions.length > 0 && !lanes.some((lane) => lane.kind === 'emotions')) {
    rows.push(scoreRow(laneCell({ label: 'Emotion', kind: 'emotions' })));
  }
  return stringify(
    rows.map((row) => row.map(guardCell)),
    { record_delimiter: '\r\n' },
  );
}
