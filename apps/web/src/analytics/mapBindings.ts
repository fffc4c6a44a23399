import type { CommandCall } from '@trailmap/core';
import type { Journey, MetricBinding } from '@trailmap/schema';

const live = (doc: Journey) => doc.metricBindings.filter((binding) => !binding.deletedAt);

const byIndexThenId = (a: { index: string; id: string }, b: { index: string; id: string }) =>
  a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The dataset most of the map's live bindings name (ties: by name); undefined when none does. */
export function boundDataset(doc: Journey): string | undefined {
  const counts = new Map<string, number>();
  for (const binding of live(doc))
    if (binding.dataset) counts.set(binding.dataset, (counts.get(binding.dataset) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/** The live binding of a stage or card that counts for `dataset` (its own, else one naming no dataset). */
export function bindingFor(doc: Journey, targetId: string, dataset: string): MetricBinding | undefined {
  const candidates = live(doc).filter((binding) => binding.targetId === targetId);
  return (
    candidates.find((binding) => binding.dataset === dataset) ??
    candidates.find((binding) => binding.dataset === undefined)
  );
}

/** An optional "only events where this attribute has this value" part of a rule. */
export interface AttributeCondition {
  key: string;
  value: string;
}

/**
 * The command that makes `targetId` measured by exactly `activities` (optionally only events whose
 * `attribute` matches) in `dataset`: `binding.set` (creating or editing), or `binding.remove` when
 * the list is emptied; null when nothing changes.
 */
export function bindingCall(
  doc: Journey,
  targetId: string,
  dataset: string,
  activities: readonly string[],
  attribute?: AttributeCondition,
): CommandCall | null {
  const existing = bindingFor(doc, targetId, dataset);
  if (activities.length === 0)
    return existing ? { command: 'binding.remove', input: { id: existing.id } } : null;
  const same =
    existing?.dataset === dataset &&
    existing.rule.attribute?.key === attribute?.key &&
    existing.rule.attribute?.value === attribute?.value &&
    existing.rule.activities.length === activities.length &&
    existing.rule.activities.every((activity, i) => activity === activities[i]);
  if (same) return null;
  return {
    command: 'binding.set',
    input: {
      targetId,
      dataset,
      rule: { activities: [...activities], ...(attribute ? { attribute: { ...attribute } } : {}) },
      ...(existing ? { id: existing.id } : {}),
    },
  };
}

/** Moves every live binding of the map to `dataset` (one undo step when run as a batch). */
export function rebindCalls(doc: Journey, dataset: string): CommandCall[] {
  return live(doc)
    .filter((binding) => binding.dataset !== dataset)
    .map((binding) => ({
      command: 'binding.set',
      input: { id: binding.id, targetId: binding.targetId, dataset, rule: binding.rule },
    }));
}

/** Stages in designed order. */
export const orderedStages = (doc: Journey) => [...doc.stages].sort(byIndexThenId);

/** A stage's steps in order: their bindings count towards the stage. */
export const stepsOf = (doc: Journey, stageId: string) =>
  doc.steps.filter((step) => step.stageId === stageId).sort(byIndexThenId);

/**
 * Default funnel over the map's stage order: the first activity bound to each stage, skipping
 * unbound stages and repeats.
 */
export function stageFunnelSteps(doc: Journey, dataset: string): string[] {
  const steps: string[] = [];
  for (const stage of orderedStages(doc)) {
    const first = bindingFor(doc, stage.id, dataset)?.rule.activities[0];
    if (first !== undefined && !steps.includes(first)) steps.push(first);
  }
  return steps;
}

/** Cards of touchpoint lanes, in stage then card order: the targets of touchpoint bindings. */
export function touchpointCards(doc: Journey) {
  const lanes = new Set(doc.lanes.filter((lane) => lane.kind === 'touchpoints').map((lane) => lane.id));
  const stageOrder = new Map(orderedStages(doc).map((stage, i) => [stage.id, i]));
  return doc.cards
    .filter((card) => lanes.has(card.laneId))
    .sort((a, b) => stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)! || byIndexThenId(a, b));
}

/**
 * Stage measures as shown: the engine measures conversion to the next stage in designed order
 * even when that stage is unbound (so always 0); without data for the next stage there is no
 * conversion to show, so it becomes null with no drop-off.
 */
export function shownStageMeasures<
  T extends { isBound: boolean; conversionToNext: unknown; dropOff: number },
>(stages: readonly T[]): T[] {
  return stages.map((stage, i) =>
    stages[i + 1]?.isBound === false ? { ...stage, conversionToNext: null, dropOff: 0 } : stage,
  );
}
