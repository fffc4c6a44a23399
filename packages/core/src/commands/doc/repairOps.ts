import type { Journey } from '@trailmap/schema';
import { applyOps, patch, patchMap, remove, type Op } from '../../ops';
import { sortByIndex } from '../../ordering';
import { cascadeRemoval } from '../cascade';

/**
 * One repair pass. Concurrent edits merged by Yjs can leave references that no single command
 * would produce (a card added to a stage someone else removed at the same moment). Each pass
 * removes what lost its parent and drops references to records that are gone.
 */
function repairPass(doc: Journey): Op[] {
  const has = (collection: 'stages' | 'steps' | 'lanes' | 'cards' | 'evidence') => {
    const ids = new Set(doc[collection].map((record) => record.id));
    return (id: string) => ids.has(id);
  };
  const [isStage, isStep, isLane, isCard, isEvidence] = [
    has('stages'),
    has('steps'),
    has('lanes'),
    has('cards'),
    has('evidence'),
  ];
  const stageOfStep = new Map(doc.steps.map((step) => [step.id, step.stageId]));

  const stepIds = doc.steps.filter((step) => !isStage(step.stageId)).map((step) => step.id);
  const cardIds = doc.cards
    .filter(
      (card) =>
        !isLane(card.laneId) || !isStage(card.stageId) || (card.stepId !== undefined && !isStep(card.stepId)),
    )
    .map((card) => card.id);
  const ops = cascadeRemoval(doc, { stepIds, cardIds });
  if (ops.length > 0) return ops;

  // A step moved to another stage while someone added to it: follow the step.
  for (const card of doc.cards) {
    const owner = card.stepId === undefined ? undefined : stageOfStep.get(card.stepId);
    if (owner !== undefined && owner !== card.stageId) ops.push(patch('cards', card.id, { stageId: owner }));
  }
  const seenCells = new Set<string>();
  for (const point of [...doc.emotions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const owner = point.stepId === undefined ? point.stageId : stageOfStep.get(point.stepId);
    const cell = `${owner}|${point.stepId ?? ''}`;
    if (owner === undefined || !isStage(owner) || seenCells.has(cell)) ops.push(remove('emotions', point.id));
    else if (owner !== point.stageId) ops.push(patch('emotions', point.id, { stageId: owner }));
    seenCells.add(cell);
  }
  for (const connection of doc.connections) {
    const isBroken =
      !isCard(connection.fromCardId) ||
      !isCard(connection.toCardId) ||
      connection.fromCardId === connection.toCardId;
    if (isBroken) ops.push(remove('connections', connection.id));
  }
  for (const opportunity of doc.opportunities) {
    if (!isStage(opportunity.stageId)) {
      ops.push(remove('opportunities', opportunity.id));
      continue;
    }
    const problemCardIds = opportunity.problemCardIds.filter(isCard);
    if (problemCardIds.length !== opportunity.problemCardIds.length) {
      ops.push(patch('opportunities', opportunity.id, { problemCardIds }));
    }
  }
  for (const collection of ['cards', 'emotions', 'opportunities'] as const) {
    for (const record of doc[collection]) {
      const evidenceIds = record.evidenceIds.filter(isEvidence);
      if (evidenceIds.length !== record.evidenceIds.length)
        ops.push(patch(collection, record.id, { evidenceIds }));
    }
  }
  for (const binding of doc.metricBindings) {
    if (!isStage(binding.targetId) && !isStep(binding.targetId) && !isCard(binding.targetId)) {
      ops.push(remove('metricBindings', binding.id));
    }
  }
  const drawnLines = new Set<string>();
  for (const lane of sortByIndex(doc.lanes)) {
    if (lane.lineAbove === undefined) continue;
    if (drawnLines.has(lane.lineAbove)) ops.push(patch('lanes', lane.id, { lineAbove: undefined }));
    drawnLines.add(lane.lineAbove);
  }
  if (doc.map.personaId !== undefined && !doc.personas.some((persona) => persona.id === doc.map.personaId)) {
    ops.push(patchMap({ personaId: undefined }));
  }
  return ops;
}

/**
 * The ops that bring a merged document back to referential integrity; `[]` for a valid one.
 * Patches in a pass only touch records that survive it, so the ops can be replayed in order.
 */
export function repairOps(doc: Journey): Op[] {
  const all: Op[] = [];
  let current = doc;
  for (let pass = 0; pass < 4; pass += 1) {
    const ops = repairPass(current);
    if (ops.length === 0) break;
    all.push(...ops);
    current = applyOps(current, ops);
  }
  return all;
}
