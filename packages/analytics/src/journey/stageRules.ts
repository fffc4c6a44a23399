import type { Journey, MetricBinding } from '@trailmap/schema';
import type { EventLog } from '../model/EventLog';

export interface BoundStage {
  id: string;
  name: string;
  rules: MetricBinding['rule'][];
}

const byIndexThenId = (a: { index: string; id: string }, b: { index: string; id: string }) =>
  a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The map's stages in designed order, each with the event rules bound to it: bindings on the
 * stage itself, on its steps, and on cards placed in it (tombstoned bindings are ignored).
 */
export function boundStages(journey: Journey): BoundStage[] {
  const stageOfStep = new Map(journey.steps.map((step) => [step.id, step.stageId]));
  const stageOfCard = new Map(journey.cards.map((card) => [card.id, card.stageId]));
  const rules = new Map<string, MetricBinding['rule'][]>();
  for (const binding of journey.metricBindings) {
    if (binding.deletedAt) continue;
    const target = binding.targetId;
    const stageId = target.startsWith('stage:')
      ? target
      : target.startsWith('step:')
        ? stageOfStep.get(target)
        : stageOfCard.get(target);
    if (!stageId) continue;
    const list = rules.get(stageId) ?? [];
    list.push(binding.rule);
    rules.set(stageId, list);
  }
  return [...journey.stages]
    .sort(byIndexThenId)
    .map((stage) => ({ id: stage.id, name: stage.name, rules: rules.get(stage.id) ?? [] }));
}

/** Stage (position in `stages`) of each event, or -1; an event matching several stages takes the first. */
export function stageOfEvents(log: EventLog, stages: readonly BoundStage[]): Int32Array {
  const width = log.activities.length;
  const plain = new Int32Array(width).fill(-1);
  const conditional: { stage: number; activities: Uint8Array; codes: Int32Array; value: number }[] = [];
  stages.forEach((stage, s) => {
    for (const rule of stage.rules) {
      const codes = rule.activities.map((name) => log.activities.indexOf(name)).filter((code) => code >= 0);
      if (!rule.attribute) {
        for (const code of codes) if (plain[code]! < 0 || plain[code]! > s) plain[code] = s;
        continue;
      }
      const column = log.attributes.get(rule.attribute.key);
      if (!column) continue;
      const activities = new Uint8Array(width);
      for (const code of codes) activities[code] = 1;
      conditional.push({
        stage: s,
        activities,
        codes: column.codes,
        value: column.values.indexOf(rule.attribute.value),
      });
    }
  });
  const out = new Int32Array(log.activity.length);
  for (let e = 0; e < out.length; e++) {
    const a = log.activity[e]!;
    let stage = plain[a]!;
    for (const rule of conditional) {
      if (
        (stage < 0 || rule.stage < stage) &&
        rule.activities[a] &&
        rule.value >= 0 &&
        rule.codes[e] === rule.value
      )
        stage = rule.stage;
    }
    out[e] = stage;
  }
  return out;
}
