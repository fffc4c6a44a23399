import type { JourneyInput } from '@trailmap/schema';

/** A small, valid, hand-written journey document that tests mutate into bad ones. */
export const sampleDocument = (): JourneyInput => ({
  schemaVersion: 2,
  map: {
    id: 'map:checkout',
    title: 'Online checkout',
    type: 'current-state',
    scenario: 'Ana buys running shoes on her phone during a lunch break.',
    personaId: 'persona:ana',
    review: { cadence: 'quarterly', nextReviewDate: '2026-03-01' },
  },
  personas: [{ id: 'persona:ana', name: 'Ana', role: 'Amateur runner', goals: ['Buy shoes quickly'] }],
  stages: [
    { id: 'stage:browse', index: 'a0', name: 'Browse' },
    { id: 'stage:pay', index: 'a1', name: 'Pay' },
  ],
  steps: [{ id: 'step:card-form', stageId: 'stage:pay', index: 'a0', name: 'Card form' }],
  lanes: [
    { id: 'lane:actions', index: 'a0', kind: 'actions', label: 'Actions' },
    { id: 'lane:pains', index: 'a1', kind: 'pain-points', label: 'Pain points' },
  ],
  cards: [
    {
      id: 'card:search',
      laneId: 'lane:actions',
      stageId: 'stage:browse',
      index: 'a0',
      text: 'Searches for trail shoes',
    },
    {
      id: 'card:type-card',
      laneId: 'lane:actions',
      stageId: 'stage:pay',
      stepId: 'step:card-form',
      index: 'a0',
      text: 'Types card number',
    },
    {
      id: 'card:slow-form',
      laneId: 'lane:pains',
      stageId: 'stage:pay',
      index: 'a0',
      text: 'Form resets on error',
      evidenceIds: ['evidence:tickets'],
    },
  ],
  emotions: [
    { id: 'emotion:browse', stageId: 'stage:browse', score: 1 },
    { id: 'emotion:pay', stageId: 'stage:pay', score: -2, note: 'Frustrated' },
  ],
  connections: [
    { id: 'conn:search-pay', fromCardId: 'card:search', toCardId: 'card:type-card', kind: 'direct' },
  ],
  opportunities: [
    {
      id: 'opp:keep-form',
      stageId: 'stage:pay',
      index: 'a0',
      title: 'Keep form data on error',
      problemCardIds: ['card:slow-form'],
      owner: 'Payments team',
    },
  ],
  evidence: [
    { id: 'evidence:tickets', source: 'support', title: '42 tickets in October', confidence: 'high' },
  ],
});
