import type { Journey } from '@trailmap/schema';
import { patch, remove, type Op } from '../ops';

/** What a removal starts from; everything that depends on these goes too. */
export interface RemovalRoots {
  stageIds?: Iterable<string>;
  stepIds?: Iterable<string>;
  laneIds?: Iterable<string>;
  cardIds?: Iterable<string>;
}

/**
 * The ops that remove records together with everything that would dangle without them, so the
 * document stays valid:
 * - a stage takes its steps, cards, emotion points and opportunities;
 * - a step takes its cards and emotion points; a lane takes its cards;
 * - a card takes its connections and leaves the `problemCardIds` of surviving opportunities;
 * - metric bindings targeting any removed stage, step or card are removed outright (a tombstone
 *   would still point at a missing record).
 * Surviving records are patched before anything is removed; removed records are never patched.
 */
export function cascadeRemoval(doc: Journey, roots: RemovalRoots): Op[] {
  const stages = new Set(roots.stageIds ?? []);
  const steps = new Set(roots.stepIds ?? []);
  const lanes = new Set(roots.laneIds ?? []);
  const cards = new Set(roots.cardIds ?? []);
  for (const step of doc.steps) if (stages.has(step.stageId)) steps.add(step.id);
  for (const card of doc.cards) {
    const isOrphaned =
      lanes.has(card.laneId) ||
      stages.has(card.stageId) ||
      (card.stepId !== undefined && steps.has(card.stepId));
    if (isOrphaned) cards.add(card.id);
  }
  const emotions = doc.emotions.filter(
    (point) => stages.has(point.stageId) || (point.stepId !== undefined && steps.has(point.stepId)),
  );
  const opportunities = doc.opportunities.filter((opportunity) => stages.has(opportunity.stageId));
  const removedOpportunities = new Set(opportunities.map((opportunity) => opportunity.id));
  const connections = doc.connections.filter(
    (connection) => cards.has(connection.fromCardId) || cards.has(connection.toCardId),
  );
  const targets = new Set([...stages, ...steps, ...cards]);
  const bindings = doc.metricBindings.filter((binding) => targets.has(binding.targetId));

  const ops: Op[] = [];
  for (const opportunity of doc.opportunities) {
    if (removedOpportunities.has(opportunity.id)) continue;
    const kept = opportunity.problemCardIds.filter((id) => !cards.has(id));
    if (kept.length !== opportunity.problemCardIds.length) {
      ops.push(patch('opportunities', opportunity.id, { problemCardIds: kept }));
    }
  }
  for (const connection of connections) ops.push(remove('connections', connection.id));
  for (const binding of bindings) ops.push(remove('metricBindings', binding.id));
  for (const point of emotions) ops.push(remove('emotions', point.id));
  for (const opportunity of opportunities) ops.push(remove('opportunities', opportunity.id));
  for (const card of doc.cards) if (cards.has(card.id)) ops.push(remove('cards', card.id));
  for (const step of doc.steps) if (steps.has(step.id)) ops.push(remove('steps', step.id));
  for (const lane of doc.lanes) if (lanes.has(lane.id)) ops.push(remove('lanes', lane.id));
  for (const stage of doc.stages) if (stages.has(stage.id)) ops.push(remove('stages', stage.id));
  return ops;
}

/** Ops that take evidence ids out of every card, emotion point and opportunity that links them. */
export function unlinkEvidenceOps(doc: Journey, evidenceIds: ReadonlySet<string>): Op[] {
  const ops: Op[] = [];
  const strip = (collection: 'cards' | 'emotions' | 'opportunities') => {
    for (const record of doc[collection]) {
      const kept = record.evidenceIds.filter((id) => !evidenceIds.has(id));
      if (kept.length !== record.evidenceIds.length) {
        ops.push(patch(collection, record.id, { evidenceIds: kept }));
      }
    }
  };
  strip('cards');
  strip('emotions');
  strip('opportunities');
  return ops;
}
