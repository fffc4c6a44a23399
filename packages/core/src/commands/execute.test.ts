import { describe, expect, it } from 'vitest';
import { TrailmapError } from '@trailmap/schema';
import { executeBatch, executeCommand } from './execute';
import { sampleJourney, testContext } from './testSupport';

const thrown = (action: () => unknown): TrailmapError => {
  try {
    action();
  } catch (error) {
    if (error instanceof TrailmapError) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('executeCommand', () => {
  it('returns the new document, the ops and the command, and never mutates the input', () => {
    const doc = sampleJourney();
    const before = JSON.stringify(doc);
    const result = executeCommand(
      doc,
      { command: 'stage.update', input: { id: 'stage:order', name: 'Checkout' } },
      testContext(),
    );
    expect(result.command.id).toBe('stage.update');
    expect(result.ops).toEqual([
      { op: 'patch', collection: 'stages', id: 'stage:order', changes: { name: 'Checkout' } },
    ]);
    expect(result.doc.stages[1]!.name).toBe('Checkout');
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('reports unknown commands and invalid input with located issues', () => {
    expect(thrown(() => executeCommand(sampleJourney(), { command: 'stage.fly' }, testContext())).code).toBe(
      'UNKNOWN_COMMAND',
    );
    const error = thrown(() =>
      executeCommand(sampleJourney(), { command: 'stage.add', input: { name: 3, wings: 2 } }, testContext()),
    );
    expect(error).toMatchObject({ code: 'INVALID_COMMAND_INPUT', status: 422 });
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/name' }),
        expect.objectContaining({ code: 'UNKNOWN_FIELD', pointer: '/wings' }),
      ]),
    );
  });
});

describe('executeBatch', () => {
  it('runs commands in order, each seeing the previous result', () => {
    const ctx = testContext();
    const { doc, ops } = executeBatch(
      sampleJourney(),
      [
        { command: 'stage.add', input: { name: 'Return', id: 'stage:return' } },
        {
          command: 'card.add',
          input: { laneId: 'lane:actions', stageId: 'stage:return', text: 'Prints a label' },
        },
      ],
      ctx,
    );
    expect(ops).toHaveLength(2);
    expect(doc.cards.at(-1)).toMatchObject({ stageId: 'stage:return', text: 'Prints a label' });
  });

  it('is all or nothing and names the failing call', () => {
    const error = thrown(() =>
      executeBatch(
        sampleJourney(),
        [
          { command: 'stage.add', input: { name: 'Return' } },
          { command: 'card.remove', input: { id: 'card:nope' } },
        ],
        testContext(),
      ),
    );
    expect(error).toMatchObject({
      code: 'CARD_NOT_FOUND',
      status: 404,
      details: { at: 1, command: 'card.remove' },
    });
  });
});
