import { describe, expect, it } from 'vitest';
import { orderedStages } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

const names = (doc: ReturnType<typeof sampleJourney>) => orderedStages(doc).map((stage) => stage.name);

describe('stage.add', () => {
  it('adds at the end by default, with the given fields only', () => {
    const doc = run(sampleJourney(), 'stage.add', { name: 'Return', goal: 'Get money back' });
    expect(names(doc)).toEqual(['Discover', 'Order', 'Receive', 'Return']);
    const added = doc.stages.find((stage) => stage.name === 'Return')!;
    expect(added).toEqual({ id: 'stage:t1', index: added.index, name: 'Return', goal: 'Get money back' });
  });

  it('places before, after and at the start', () => {
    expect(names(run(sampleJourney(), 'stage.add', { name: 'X', after: 'stage:discover' }))).toEqual([
      'Discover',
      'X',
      'Order',
      'Receive',
    ]);
    expect(names(run(sampleJourney(), 'stage.add', { name: 'X', before: 'stage:receive' }))).toEqual([
      'Discover',
      'Order',
      'X',
      'Receive',
    ]);
    expect(names(run(sampleJourney(), 'stage.add', { name: 'X', position: 'start' }))[0]).toBe('X');
  });

  it('uses a chosen id and refuses a taken one', () => {
    const doc = run(sampleJourney(), 'stage.add', { name: 'Return', id: 'stage:return' });
    expect(doc.stages.some((stage) => stage.id === 'stage:return')).toBe(true);
    expect(failure(doc, 'stage.add', { name: 'Again', id: 'stage:return' }).code).toBe('ID_TAKEN');
  });

  it('rejects empty names, bad durations and unknown fields', () => {
    expect(failure(sampleJourney(), 'stage.add', { name: '' }).code).toBe('INVALID_COMMAND_INPUT');
    const duration = { min: 3, max: 1, unit: 'days' };
    expect(failure(sampleJourney(), 'stage.add', { name: 'X', duration }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'stage.add', { name: 'X', color: 'red' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
