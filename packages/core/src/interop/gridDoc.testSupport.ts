// Builds small valid journeys from a plain description of the grid, for the interop tests.
// Not exported from the package.
import { CURRENT_SCHEMA_VERSION, type Journey, type LaneKind } from '@trailmap/schema';
import { keysAfter } from '../ordering';

export interface GridSpec {
  title?: string;
  personaName?: string;
  stages: string[];
  lanes: { kind: LaneKind; label: string; cells: string[][] }[];
  /** Score per stage position; undefined leaves the stage unscored. */
  scores?: (number | undefined)[];
}

export function gridDoc(spec: GridSpec): Journey {
  const stageKeys = spec.stages.length ? keysAfter(null, spec.stages.length) : [];
  const stages = spec.stages.map((name, i) => ({ id: `stage:s${i}`, index: stageKeys[i]!, name }));
  const laneKeys = spec.lanes.length ? keysAfter(null, spec.lanes.length) : [];
  const lanes = spec.lanes.map((lane, i) => ({
    id: `lane:l${i}`,
    index: laneKeys[i]!,
    kind: lane.kind,
    label: lane.label,
  }));
  const cards = spec.lanes.flatMap((lane, l) =>
    stages.flatMap((stage, s) => {
      const texts = lane.cells[s] ?? [];
      const keys = texts.length ? keysAfter(null, texts.length) : [];
      return texts.map((text, n) => ({
        id: `card:l${l}s${s}n${n}`,
        laneId: lanes[l]!.id,
        stageId: stage.id,
        index: keys[n]!,
        text,
        tags: [],
        evidenceIds: [],
      }));
    }),
  );
  const emotions = (spec.scores ?? []).flatMap((score, s) =>
    score === undefined || !stages[s]
      ? []
      : [{ id: `emotion:s${s}`, stageId: stages[s].id, score, evidenceIds: [] }],
  );
  const personas = spec.personaName
    ? [{ id: 'persona:p', name: spec.personaName, goals: [], needs: [], frustrations: [], context: {} }]
    : [];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: {
      id: 'map:grid',
      title: spec.title ?? 'Grid',
      type: 'current-state',
      expectations: [],
      tags: [],
      ...(personas[0] ? { personaId: personas[0].id } : {}),
    },
    personas,
    stages,
    steps: [],
    lanes,
    cards,
    emotions,
    connections: [],
    opportunities: [],
    evidence: [],
    metricBindings: [],
  };
}
