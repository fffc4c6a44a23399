import { orderedLanes, orderedStages, sortByIndex, stepsOf } from '@trailmap/core';
import type { Card, Evidence, Journey, Lane, LaneKind, Opportunity, Stage, Step } from '@trailmap/schema';
import type { CardColor } from './types';

/** The document reorganised for drawing: records in display order, lookups by id. */
export interface Model {
  doc: Journey;
  stages: { stage: Stage; steps: Step[] }[];
  lanes: Lane[];
  cardsByCell: Map<string, Card[]>;
  evidence: Map<string, Evidence>;
  opportunitiesByStage: Map<string, Opportunity[]>;
}

export const cellKey = (laneId: string, stageId: string, stepId: string | undefined) =>
  `${laneId}\u0000${stageId}\u0000${stepId ?? ''}`;

export function buildModel(doc: Journey): Model {
  const stages = orderedStages(doc).map((stage) => ({ stage, steps: stepsOf(doc, stage.id) }));
  const knownSteps = new Set(doc.steps.map((step) => `${step.stageId}\u0000${step.id}`));
  const cardsByCell = new Map<string, Card[]>();
  for (const card of sortByIndex(doc.cards)) {
    const stepId =
      card.stepId && knownSteps.has(`${card.stageId}\u0000${card.stepId}`) ? card.stepId : undefined;
    const key = cellKey(card.laneId, card.stageId, stepId);
    const list = cardsByCell.get(key);
    if (list) list.push(card);
    else cardsByCell.set(key, [card]);
  }
  const evidence = new Map(
    doc.evidence.filter((record) => !record.deletedAt).map((record) => [record.id, record]),
  );
  const opportunitiesByStage = new Map<string, Opportunity[]>();
  for (const opportunity of sortByIndex(doc.opportunities)) {
    const list = opportunitiesByStage.get(opportunity.stageId) ?? [];
    list.push(opportunity);
    opportunitiesByStage.set(opportunity.stageId, list);
  }
  return { doc, stages, lanes: orderedLanes(doc), cardsByCell, evidence, opportunitiesByStage };
}

const LANE_COLORS: Record<LaneKind, CardColor> = {
  actions: 'blue',
  thoughts: 'purple',
  emotions: 'yellow',
  touchpoints: 'teal',
  channels: 'teal',
  'pain-points': 'red',
  opportunities: 'green',
  'moments-of-truth': 'orange',
  frontstage: 'blue',
  backstage: 'gray',
  support: 'gray',
  evidence: 'yellow',
  metrics: 'gray',
  custom: 'yellow',
};

/** A card's sticky-note color: its own, else the default of its lane's kind. */
export const cardColorOf = (card: Card, lane: Lane): CardColor => card.color ?? LANE_COLORS[lane.kind];

export const LANE_KIND_LABELS: Record<LaneKind, string> = {
  actions: 'Doing',
  thoughts: 'Thinking',
  emotions: 'Feeling',
  touchpoints: 'Touchpoints',
  channels: 'Channels',
  'pain-points': 'Pain points',
  opportunities: 'Opportunities',
  'moments-of-truth': 'Moments of truth',
  frontstage: 'Frontstage',
  backstage: 'Backstage',
  support: 'Support processes',
  evidence: 'Evidence',
  metrics: 'Metrics',
  custom: 'Custom',
};
