import { keysAfter } from '@trailmap/core';
import { CURRENT_SCHEMA_VERSION, type Journey, type LaneKind } from '@trailmap/schema';

const STAGES = ['Discover', 'Browse', 'Cart', 'Checkout', 'Delivery', 'Return'];
const LANES: [LaneKind, string][] = [
  ['actions', 'Doing'],
  ['thoughts', 'Thinking'],
  ['emotions', 'Feeling'],
  ['touchpoints', 'Touchpoints'],
  ['pain-points', 'Pain points'],
  ['opportunities', 'Opportunities'],
  ['moments-of-truth', 'Moments of truth'],
];
const SNIPPETS = [
  'Searches for running shoes on the phone during the commute',
  'Compares three models side by side',
  '“Why is shipping so expensive?”',
  'Abandons the cart when the coupon fails',
  'Checks the order status twice a day',
  'Return label is hard to find in the email',
  'Chat answers within two minutes',
];

/**
 * A deterministic e-commerce map with `cardCount` cards spread over stages × card lanes; used by
 * the offline sandbox, unit tests and the load benchmark. Not a template: templates live in core.
 */
export function sampleJourney(cardCount = 24, stageCount = STAGES.length): Journey {
  const stageKeys = keysAfter(null, stageCount);
  const stages = stageKeys.map((index, i) => ({
    id: `stage:s${i}`,
    index,
    name: STAGES[i % STAGES.length]! + (i >= STAGES.length ? ` ${i + 1}` : ''),
  }));
  const laneKeys = keysAfter(null, LANES.length);
  const lanes = LANES.map(([kind, label], i) => ({ id: `lane:${kind}`, index: laneKeys[i]!, kind, label }));
  const cardLanes = lanes.filter((lane) => lane.kind !== 'emotions');
  const cells = stages.length * cardLanes.length;
  const perCell = Math.ceil(cardCount / cells);
  const cellKeys = keysAfter(null, Math.max(1, perCell));
  const cards: Journey['cards'] = [];
  for (let n = 0; n < cardCount; n++) {
    const cell = n % cells;
    const lane = cardLanes[cell % cardLanes.length]!;
    const stage = stages[Math.floor(cell / cardLanes.length)]!;
    cards.push({
      id: `card:c${n}`,
      laneId: lane.id,
      stageId: stage.id,
      index: cellKeys[Math.floor(n / cells)]!,
      text: SNIPPETS[n % SNIPPETS.length]!,
      tags: n % 5 === 0 ? ['research'] : [],
      evidenceIds: [],
      ...(n % 4 === 0 ? { color: 'yellow' as const } : {}),
      ...(lane.kind === 'touchpoints' ? { channel: (['web', 'app', 'email', 'chat'] as const)[n % 4] } : {}),
    });
  }
  const emotions = stages.map((stage, i) => ({
    id: `emotion:e${i}`,
    stageId: stage.id,
    score: [1, 0, -1, -2, 1, -1][i % 6]!,
    evidenceIds: [],
  }));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    map: {
      id: 'map:sandbox',
      title: 'Online shoe purchase',
      type: 'current-state',
      expectations: ['Delivery in two days'],
      tags: [],
      scenario: 'Maya needs new running shoes before a race in three weeks.',
      personaId: 'persona:maya',
    },
    personas: [
      {
        id: 'persona:maya',
        name: 'Maya',
        role: 'Amateur runner',
        avatar: '🏃',
        goals: ['Find shoes that fit'],
        needs: ['Clear sizing'],
        frustrations: ['Slow returns'],
        context: {},
      },
    ],
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
