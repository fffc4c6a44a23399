import { notFound, type CollectionName, type Journey, type RecordOf } from '@trailmap/schema';
import { sortByIndex } from './ordering';

const NOT_FOUND_CODES: Record<CollectionName, string> = {
  personas: 'PERSONA_NOT_FOUND',
  stages: 'STAGE_NOT_FOUND',
  steps: 'STEP_NOT_FOUND',
  lanes: 'LANE_NOT_FOUND',
  cards: 'CARD_NOT_FOUND',
  emotions: 'EMOTION_NOT_FOUND',
  connections: 'CONNECTION_NOT_FOUND',
  opportunities: 'OPPORTUNITY_NOT_FOUND',
  evidence: 'EVIDENCE_NOT_FOUND',
  metricBindings: 'BINDING_NOT_FOUND',
};

export const findRecord = <C extends CollectionName>(
  doc: Journey,
  collection: C,
  id: string,
): RecordOf<C> | undefined => (doc[collection] as RecordOf<C>[]).find((record) => record.id === id);

/** @throws TrailmapError `<KIND>_NOT_FOUND` (404) */
export function requireRecord<C extends CollectionName>(
  doc: Journey,
  collection: C,
  id: string,
): RecordOf<C> {
  const record = findRecord(doc, collection, id);
  if (!record)
    throw notFound(NOT_FOUND_CODES[collection], `${collection.replace(/s$/, '')} "${id}" does not exist`);
  return record;
}

export const orderedStages = (doc: Journey) => sortByIndex(doc.stages);
export const orderedLanes = (doc: Journey) => sortByIndex(doc.lanes);
export const stepsOf = (doc: Journey, stageId: string) =>
  sortByIndex(doc.steps.filter((step) => step.stageId === stageId));

/** Cards of one cell, in display order. `stepId` undefined means cards not on a step. */
export const cardsIn = (doc: Journey, laneId: string, stageId: string, stepId?: string) =>
  sortByIndex(
    doc.cards.filter((card) => card.laneId === laneId && card.stageId === stageId && card.stepId === stepId),
  );

export const persona = (doc: Journey) =>
  doc.map.personaId === undefined ? undefined : doc.personas.find((p) => p.id === doc.map.personaId);

/** The emotion point scoring a stage (or one of its steps), if any. */
export const emotionAt = (doc: Journey, stageId: string, stepId?: string) =>
  doc.emotions.find((point) => point.stageId === stageId && point.stepId === stepId);

/** Opportunities of a stage, in display order. */
export const opportunitiesOf = (doc: Journey, stageId: string) =>
  sortByIndex(doc.opportunities.filter((opportunity) => opportunity.stageId === stageId));

/** Connections that start or end at a card. */
export const connectionsOf = (doc: Journey, cardId: string) =>
  doc.connections.filter((connection) => connection.fromCardId === cardId || connection.toCardId === cardId);

/** Evidence records that are not tombstoned. */
export const liveEvidence = (doc: Journey) =>
  doc.evidence.filter((evidence) => evidence.deletedAt === undefined);

/** Metric bindings that are not tombstoned. */
export const liveBindings = (doc: Journey) =>
  doc.metricBindings.filter((binding) => binding.deletedAt === undefined);
