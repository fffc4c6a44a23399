import { describe, expect, it } from 'vitest';
import { executeCommand } from '../execute';
import { failure, run, sampleJourney, testContext } from '../testSupport';

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('stage.remove', () => {
  it('removes the stage with everything that depends on it', () => {
    const doc = run(sampleJourney(), 'stage.remove', { id: 'stage:order' });
    expect(ids(doc.stages)).toEqual(['stage:discover', 'stage:receive']);
    expect(ids(doc.steps)).toEqual([]);
    expect(ids(doc.cards)).toEqual(['card:search', 'card:compare', 'card:site', 'card:late']);
    expect(ids(doc.emotions)).toEqual(['emotion:d']);
    expect(ids(doc.connections)).toEqual([]);
    expect(ids(doc.metricBindings)).toEqual([]);
    const fees = doc.opportunities.find((opportunity) => opportunity.id === 'opp:fees')!;
    expect(fees.problemCardIds).toEqual(['card:late']);
    expect(doc.evidence).toHaveLength(2);
  });

  it('removes the opportunities of the stage without patching them first', () => {
    const { doc, ops } = executeCommand(
      sampleJourney(),
      { command: 'stage.remove', input: { id: 'stage:receive' } },
      testContext(),
    );
    expect(ids(doc.opportunities)).toEqual(['opp:fees']);
    expect(doc.opportunities[0]!.problemCardIds).toEqual(['card:fees']);
    expect(ops.filter((op) => op.op === 'patch').map((op) => op.op === 'patch' && op.id)).toEqual([
      'opp:fees',
    ]);
  });

  it('fails for a missing stage and unknown fields', () => {
    expect(failure(sampleJourney(), 'stage.remove', { id: 'stage:nope' }).code).toBe('STAGE_NOT_FOUND');
    expect(failure(sampleJourney(), 'stage.remove', { id: 'stage:order', cascade: false }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
