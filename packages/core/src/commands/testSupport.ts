// Shared by the command tests: a small but complete journey and a runner that insists every
// result is still a valid document. Not exported from the package.
import { TrailmapError, validateJourney, type Journey } from '@trailmap/schema';
import { executeCommand } from './execute';
import { fixedContext } from './context';
import type { CommandContext } from './defineCommand';

export const NOW = '2026-11-23T12:00:00.000Z';

/** A two-persona, three-stage map with steps, lanes of several kinds, and linked records. */
export function sampleJourney(): Journey {
  return {
    schemaVersion: 2,
    map: {
      id: 'map:sample',
      title: 'Online grocery order',
      type: 'current-state',
      expectations: ['Delivery on time'],
      personaId: 'persona:ana',
      tags: ['retail'],
    },
    personas: [
      { id: 'persona:ana', name: 'Ana', goals: [], needs: [], frustrations: [], context: {} },
      { id: 'persona:ben', name: 'Ben', goals: [], needs: [], frustrations: [], context: {} },
    ],
    stages: [
      { id: 'stage:discover', index: 'a0', name: 'Discover' },
      { id: 'stage:order', index: 'a1', name: 'Order' },
      { id: 'stage:receive', index: 'a2', name: 'Receive' },
    ],
    steps: [
      { id: 'step:cart', stageId: 'stage:order', index: 'a0', name: 'Cart' },
      { id: 'step:pay', stageId: 'stage:order', index: 'a1', name: 'Pay' },
    ],
    lanes: [
      { id: 'lane:actions', index: 'a0', kind: 'actions', label: 'Actions' },
      { id: 'lane:pain', index: 'a1', kind: 'pain-points', label: 'Pain points' },
      { id: 'lane:touch', index: 'a2', kind: 'touchpoints', label: 'Touchpoints' },
      { id: 'lane:back', index: 'a3', kind: 'backstage', label: 'Backstage', lineAbove: 'visibility' },
    ],
    cards: [
      card('card:search', 'lane:actions', 'stage:discover', 'a0', 'Searches for a shop'),
      card('card:compare', 'lane:actions', 'stage:discover', 'a1', 'Compares delivery fees'),
      { ...card('card:fees', 'lane:pain', 'stage:order', 'a0', 'Fees shown late'), stepId: 'step:pay' },
      card('card:site', 'lane:touch', 'stage:discover', 'a0', 'Website'),
      { ...card('card:app', 'lane:touch', 'stage:order', 'a0', 'App'), stepId: 'step:cart' },
      card('card:late', 'lane:pain', 'stage:receive', 'a0', 'Driver is late'),
    ],
    emotions: [
      { id: 'emotion:d', stageId: 'stage:discover', score: 1, evidenceIds: [] },
      {
        id: 'emotion:pay',
        stageId: 'stage:order',
        stepId: 'step:pay',
        score: -2,
        evidenceIds: ['evidence:int'],
      },
    ],
    connections: [{ id: 'conn:site-app', fromCardId: 'card:site', toCardId: 'card:app', kind: 'direct' }],
    opportunities: [
      {
        id: 'opp:fees',
        stageId: 'stage:discover',
        index: 'a0',
        title: 'Show fees up front',
        problemCardIds: ['card:fees', 'card:late'],
        status: 'idea',
        votes: 2,
        tags: [],
        evidenceIds: ['evidence:int'],
      },
      {
        id: 'opp:track',
        stageId: 'stage:receive',
        index: 'a0',
        title: 'Live driver tracking',
        problemCardIds: ['card:late'],
        status: 'planned',
        votes: 0,
        tags: [],
        evidenceIds: [],
      },
    ],
    evidence: [
      { id: 'evidence:int', source: 'interview', quote: 'I only saw the fee at the end', confidence: 'high' },
      { id: 'evidence:old', source: 'assumption', confidence: 'low', deletedAt: '2026-01-01T00:00:00.000Z' },
    ],
    metricBindings: [
      { id: 'binding:order', targetId: 'stage:order', rule: { activities: ['checkout'] } },
      { id: 'binding:pay', targetId: 'step:pay', rule: { activities: ['pay'] } },
      { id: 'binding:fees', targetId: 'card:fees', rule: { activities: ['fee_view'] } },
    ],
  };
}

function card(id: string, laneId: string, stageId: string, index: string, text: string) {
  const evidenceIds = id === 'card:fees' ? ['evidence:int'] : [];
  return { id, laneId, stageId, index, text, tags: [], evidenceIds };
}

export const testContext = (): CommandContext => fixedContext(NOW, 't');

/**
 * Runs one command and fails loudly if the result is not a valid document; returns the new doc.
 * Pass the same context to several calls to keep generated ids unique.
 */
export function run(doc: Journey, command: string, input: unknown, ctx = testContext()): Journey {
  const result = executeCommand(doc, { command, input }, ctx);
  const validation = validateJourney(result.doc);
  if (!validation.ok) {
    throw new Error(
      `${command} produced an invalid document:\n${JSON.stringify(validation.issues, null, 2)}`,
    );
  }
  return result.doc;
}

/** The TrailmapError a command throws (fails if it does not throw one). */
export function failure(doc: Journey, command: string, input: unknown, ctx = testContext()): TrailmapError {
  try {
    executeCommand(doc, { command, input }, ctx);
  } catch (error) {
    if (error instanceof TrailmapError) return error;
    throw error;
  }
  throw new Error(`${command} did not fail`);
}
