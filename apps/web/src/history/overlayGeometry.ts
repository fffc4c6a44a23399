import type { Journey } from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';
import { scoreToY } from '../canvas/emotionGeometry';

export interface OverlayCurve {
  /** One point per stage that has a (stage-level) emotion. */
  points: { x: number; y: number }[];
  /** Every stage's name at its x, for the axis. */
  labels: { x: number; name: string }[];
}

/**
 * Places each map's stages evenly across the same width, by its own order: a future state with
 * other stage names (or another count) still spans the chart beside its current state, and two
 * versions of one map (same stages) line up point for point.
 */
export function overlayCurve(doc: Journey, width: number, height: number, edge: number): OverlayCurve {
  const stages = sortByIndex(doc.stages);
  const step = stages.length > 1 ? (width - 2 * edge) / (stages.length - 1) : 0;
  const xOf = (i: number) => (stages.length > 1 ? edge + i * step : width / 2);
  const scores = new Map(
    doc.emotions.filter((point) => !point.stepId).map((point) => [point.stageId, point.score]),
  );
  return {
    points: stages.flatMap((stage, i) => {
      const score = scores.get(stage.id);
      return score === undefined ? [] : [{ x: xOf(i), y: scoreToY(score, height) }];
    }),
    labels: stages.map((stage, i) => ({ x: xOf(i), name: stage.name })),
  };
}
