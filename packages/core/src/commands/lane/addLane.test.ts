import { describe, expect, it } from 'vitest';
import { orderedLanes } from '../../selectors';
import { failure, run, sampleJourney } from '../testSupport';

describe('lane.add', () => {
  it('adds a lane at a placement', () => {
    const doc = run(sampleJourney(), 'lane.add', {
      kind: 'thoughts',
      label: 'Thinks',
      after: 'lane:actions',
    });
    expect(orderedLanes(doc).map((lane) => lane.label)).toEqual([
      'Actions',
      'Thinks',
      'Pain points',
      'Touchpoints',
      'Backstage',
    ]);
  });

  it('takes a blueprint line from the lane that had it', () => {
    const doc = run(sampleJourney(), 'lane.add', {
      kind: 'support',
      label: 'Support',
      lineAbove: 'visibility',
      id: 'lane:s',
    });
    expect(doc.lanes.find((lane) => lane.id === 'lane:back')!.lineAbove).toBeUndefined();
    expect(doc.lanes.find((lane) => lane.id === 'lane:s')!.lineAbove).toBe('visibility');
  });

  it('rejects unknown kinds, empty labels and unknown fields', () => {
    expect(failure(sampleJourney(), 'lane.add', { kind: 'feelings', label: 'X' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'lane.add', { kind: 'custom', label: '' }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'lane.add', { kind: 'custom', label: 'X', height: 3 }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
