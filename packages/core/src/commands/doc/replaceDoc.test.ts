import { describe, expect, it } from 'vitest';
import { executeCommand } from '../execute';
import { failure, run, sampleJourney, testContext } from '../testSupport';

describe('doc.replace', () => {
  it('turns the document into the given version with field-level ops', () => {
    const current = run(sampleJourney(), 'card.update', {
      id: 'card:late',
      text: 'Driver very late',
      color: 'red',
    });
    const target = sampleJourney();
    const { doc, ops } = executeCommand(
      current,
      { command: 'doc.replace', input: { document: target } },
      testContext(),
    );
    expect(doc).toEqual(target);
    expect(ops).toEqual([
      {
        op: 'patch',
        collection: 'cards',
        id: 'card:late',
        changes: { text: 'Driver is late', color: undefined },
      },
    ]);
  });

  it('adds and removes records and keeps the map id', () => {
    const target = {
      ...sampleJourney(),
      map: { ...sampleJourney().map, id: 'map:elsewhere', title: 'Copy' },
    };
    target.connections = [];
    target.stages = [...target.stages, { id: 'stage:return', index: 'a3', name: 'Return' }];
    const doc = run(sampleJourney(), 'doc.replace', { document: target });
    expect(doc.map).toMatchObject({ id: 'map:sample', title: 'Copy' });
    expect(doc.connections).toEqual([]);
    expect(doc.stages.map((stage) => stage.id)).toContain('stage:return');
  });

  it('refuses an invalid version', () => {
    const dangling = { ...sampleJourney(), stages: [] };
    const error = failure(sampleJourney(), 'doc.replace', { document: dangling });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(failure(sampleJourney(), 'doc.replace', { document: { schemaVersion: 2 } }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
    expect(failure(sampleJourney(), 'doc.replace', { document: sampleJourney(), merge: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
