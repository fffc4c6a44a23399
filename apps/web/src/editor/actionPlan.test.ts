import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../demo/sampleJourney';
import { actionPlanRows } from './actionPlan';

const doc = {
  ...sampleJourney(0),
  opportunities: [
    {
      id: 'opp:a',
      stageId: 'stage:s2',
      index: 'a0',
      title: 'Clear fees',
      problemCardIds: [],
      status: 'planned' as const,
      votes: 3,
      tags: [],
      evidenceIds: [],
      deadline: '2027-03-01',
    },
    {
      id: 'opp:b',
      stageId: 'stage:s0',
      index: 'a1',
      title: 'Better search',
      problemCardIds: [],
      status: 'idea' as const,
      votes: 7,
      tags: [],
      evidenceIds: [],
    },
    {
      id: 'opp:c',
      stageId: 'stage:s1',
      index: 'a2',
      title: 'Alerts',
      problemCardIds: [],
      status: 'done' as const,
      votes: 0,
      tags: [],
      evidenceIds: [],
      deadline: '2026-12-01',
    },
  ],
};

describe('action plan', () => {
  const ids = (column: Parameters<typeof actionPlanRows>[1]['column'], direction: 'asc' | 'desc' = 'asc') =>
    actionPlanRows(doc, { column, direction }).map((row) => row.opportunity.id);

  it('sorts by votes and stage order', () => {
    expect(ids('votes', 'desc')).toEqual(['opp:b', 'opp:a', 'opp:c']);
    expect(ids('stage')).toEqual(['opp:b', 'opp:c', 'opp:a']);
  });

  it('keeps empty values last in both directions', () => {
    expect(ids('deadline')).toEqual(['opp:c', 'opp:a', 'opp:b']);
    expect(ids('deadline', 'desc')).toEqual(['opp:a', 'opp:c', 'opp:b']);
  });
});
