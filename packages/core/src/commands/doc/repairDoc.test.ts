import { describe, expect, it } from 'vitest';
import { validateJourney, type Journey } from '@trailmap/schema';
import { failure, run, sampleJourney } from '../testSupport';

/** What two people editing at once can leave behind after Yjs merges their changes. */
function mergedMess(): Journey {
  const doc = sampleJourney();
  return {
    ...doc,
    map: { ...doc.map, personaId: 'persona:gone' },
    stages: doc.stages.filter((stage) => stage.id !== 'stage:receive'),
    steps: doc.steps.map((step) => (step.id === 'step:cart' ? { ...step, stageId: 'stage:discover' } : step)),
    lanes: doc.lanes.map((lane) =>
      lane.id === 'lane:touch' ? { ...lane, lineAbove: 'visibility' as const } : lane,
    ),
    emotions: [
      ...doc.emotions,
      { id: 'emotion:twin', stageId: 'stage:discover', score: -1, evidenceIds: ['evidence:gone'] },
    ],
    connections: [
      ...doc.connections,
      { id: 'conn:x', fromCardId: 'card:late', toCardId: 'card:site', kind: 'direct' },
    ],
  };
}

describe('doc.repair', () => {
  it('brings a merged document back to a valid one', () => {
    const mess = mergedMess();
    expect(validateJourney(mess).ok).toBe(false);
    const doc = run(mess, 'doc.repair', {});
    expect(doc.cards.map((card) => card.id)).not.toContain('card:late');
    expect(doc.cards.find((card) => card.id === 'card:app')!.stageId).toBe('stage:discover');
    expect(doc.connections.map((connection) => connection.id)).toEqual(['conn:site-app']);
    expect(doc.opportunities.map((opportunity) => opportunity.id)).toEqual(['opp:fees']);
    expect(doc.opportunities[0]!.problemCardIds).toEqual(['card:fees']);
    expect(doc.emotions.map((point) => point.id).sort()).toEqual(['emotion:d', 'emotion:pay']);
    expect(doc.lanes.filter((lane) => lane.lineAbove === 'visibility').map((lane) => lane.id)).toEqual([
      'lane:touch',
    ]);
    expect(doc.map.personaId).toBeUndefined();
  });

  it('changes nothing in a valid document', () => {
    const doc = sampleJourney();
    expect(run(doc, 'doc.repair', {})).toBe(doc);
    expect(failure(doc, 'doc.repair', { deep: true }).code).toBe('INVALID_COMMAND_INPUT');
  });
});
