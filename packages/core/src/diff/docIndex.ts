import type { Journey } from '@trailmap/schema';
import { compareByIndex, sortByIndex } from '../ordering';
import type { DiffLocation } from './types';

/** Names and display ranks of one document's stages, steps, lanes and cards, looked up by id. */
export interface DocIndex {
  doc: Journey;
  stageRank: Map<string, number>;
  stepRank: Map<string, number>;
  laneRank: Map<string, number>;
  names: Map<string, string>;
}

export function indexDoc(doc: Journey): DocIndex {
  const rank = (records: { id: string; index: string }[]) =>
    new Map(sortByIndex(records).map((record, i) => [record.id, i]));
  const names = new Map<string, string>();
  for (const stage of doc.stages) names.set(stage.id, stage.name);
  for (const step of doc.steps) names.set(step.id, step.name);
  for (const lane of doc.lanes) names.set(lane.id, lane.label);
  for (const card of doc.cards) names.set(card.id, card.text);
  return { doc, stageRank: rank(doc.stages), stepRank: rank(doc.steps), laneRank: rank(doc.lanes), names };
}

/** A location with names resolved in the given document; absent ids are left out. */
export function locate(
  index: DocIndex,
  ids: { stageId?: string | undefined; stepId?: string | undefined; laneId?: string | undefined },
): DiffLocation {
  const out: DiffLocation = {};
  if (ids.stageId !== undefined) {
    out.stageId = ids.stageId;
    out.stage = index.names.get(ids.stageId) ?? ids.stageId;
  }
  if (ids.stepId !== undefined) {
    out.stepId = ids.stepId;
    out.step = index.names.get(ids.stepId) ?? ids.stepId;
  }
  if (ids.laneId !== undefined) {
    out.laneId = ids.laneId;
    out.lane = index.names.get(ids.laneId) ?? ids.laneId;
  }
  return out;
}

/** Compares records by display position: stage, then lane, then step, then fractional index. */
export function displayOrder(index: DocIndex) {
  const rankOf = (map: Map<string, number>, id: string | undefined) =>
    id === undefined ? -1 : (map.get(id) ?? Number.MAX_SAFE_INTEGER);
  return (
    a: { id: string; index?: string; stageId?: string; laneId?: string; stepId?: string },
    b: { id: string; index?: string; stageId?: string; laneId?: string; stepId?: string },
  ) =>
    rankOf(index.stageRank, a.stageId) - rankOf(index.stageRank, b.stageId) ||
    rankOf(index.laneRank, a.laneId) - rankOf(index.laneRank, b.laneId) ||
    rankOf(index.stepRank, a.stepId) - rankOf(index.stepRank, b.stepId) ||
    compareByIndex({ id: a.id, index: a.index ?? '' }, { id: b.id, index: b.index ?? '' });
}
