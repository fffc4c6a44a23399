import type { Journey } from '@trailmap/schema';

const without = <T extends object, K extends keyof T>(record: T, key: K): T => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/**
 * Hides what concurrent edits can leave dangling, deterministically, so every peer that holds
 * the same Y.Doc state reads the same valid document. The Y.Doc keeps the hidden records: if
 * the delete that orphaned them is undone, they reappear.
 *
 * Rules (applied in this order, on records in canonical order):
 * - a step, card, emotion point or opportunity whose stage is gone is hidden; so is a card whose
 *   lane is gone
 * - a `stepId` naming a missing step, or a step of another stage, is dropped (the record stays
 *   in its stage); so is a `personaId` naming a missing persona
 * - of two emotion points scoring the same stage/step, the one with the smaller id wins
 * - connections to hidden or missing cards, and metric bindings of missing targets, are hidden
 * - ids of missing cards and evidence are dropped from reference lists
 * - a blueprint line claimed by two lanes stays on the first lane in (index, id) order
 * - a stage duration whose concurrent edits left `max < min` loses its `max`
 * @param doc a document in canonical order (as {@link readRawJourney} returns)
 */
export function repairJourney(doc: Journey): Journey {
  const personas = new Set(doc.personas.map((persona) => persona.id));
  const stages = doc.stages.map((stage) =>
    stage.duration?.max !== undefined && stage.duration.max < stage.duration.min
      ? { ...stage, duration: without(stage.duration, 'max') }
      : stage,
  );
  const stageIds = new Set(stages.map((stage) => stage.id));
  const steps = doc.steps.filter((step) => stageIds.has(step.stageId));
  const stepStage = new Map(steps.map((step) => [step.id, step.stageId]));
  const laneIds = new Set(doc.lanes.map((lane) => lane.id));
  const evidenceIds = new Set(doc.evidence.map((evidence) => evidence.id));
  const keepEvidence = (ids: string[]) => ids.filter((id) => evidenceIds.has(id));
  const fixStep = <T extends { stageId: string; stepId?: string }>(record: T): T =>
    record.stepId !== undefined && stepStage.get(record.stepId) !== record.stageId
      ? without(record, 'stepId')
      : record;

  const cards = doc.cards
    .filter((card) => laneIds.has(card.laneId) && stageIds.has(card.stageId))
    .map((card) => ({ ...fixStep(card), evidenceIds: keepEvidence(card.evidenceIds) }));
  const cardIds = new Set(cards.map((card) => card.id));

  const scoredCells = new Set<string>();
  const emotions = [...doc.emotions]
    .filter((point) => stageIds.has(point.stageId))
    .map(fixStep)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((point) => {
      const cell = `${point.stageId}|${point.stepId ?? ''}`;
      if (scoredCells.has(cell)) return false;
      scoredCells.add(cell);
      return true;
    })
    .map((point) => ({ ...point, evidenceIds: keepEvidence(point.evidenceIds) }));

  const connections = doc.connections.filter(
    (connection) =>
      cardIds.has(connection.fromCardId) &&
      cardIds.has(connection.toCardId) &&
      connection.fromCardId !== connection.toCardId,
  );
  const opportunities = doc.opportunities
    .filter((opportunity) => stageIds.has(opportunity.stageId))
    .map((opportunity) => ({
      ...opportunity,
      problemCardIds: opportunity.problemCardIds.filter((id) => cardIds.has(id)),
      evidenceIds: keepEvidence(opportunity.evidenceIds),
    }));
  const targets = new Set([...stageIds, ...stepStage.keys(), ...cardIds]);
  const metricBindings = doc.metricBindings.filter((binding) => targets.has(binding.targetId));

  const drawnLines = new Set<string>();
  const lanes = doc.lanes.map((lane) => {
    if (lane.lineAbove === undefined) return lane;
    if (drawnLines.has(lane.lineAbove)) return without(lane, 'lineAbove');
    drawnLines.add(lane.lineAbove);
    return lane;
  });

  const map =
    doc.map.personaId !== undefined && !personas.has(doc.map.personaId)
      ? without(doc.map, 'personaId')
      : doc.map;
  return { ...doc, map, stages, steps, lanes, cards, emotions, connections, opportunities, metricBindings };
}
