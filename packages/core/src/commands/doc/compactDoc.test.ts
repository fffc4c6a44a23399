import { describe, expect, it } from 'vitest';
import { executeCommand } from '../execute';
import { fixedContext } from '../context';
import { failure, run, sampleJourney } from '../testSupport';

describe('doc.compact', () => {
  it('purges tombstones older than the cutoff and leaves younger ones', () => {
    let doc = run(sampleJourney(), 'binding.remove', { id: 'binding:pay' });
    doc = run(doc, 'doc.compact', {});
    expect(doc.evidence.map((evidence) => evidence.id)).toEqual(['evidence:int']);
    expect(doc.metricBindings.map((binding) => binding.id)).toEqual([
      'binding:order',
      'binding:pay',
      'binding:fees',
    ]);
    const later = executeCommand(
      doc,
      { command: 'doc.compact', input: { olderThanDays: 0 } },
      fixedContext('2026-11-24T00:00:00Z'),
    );
    expect(later.doc.metricBindings.map((binding) => binding.id)).toEqual(['binding:order', 'binding:fees']);
  });

  it('removes citations of purged evidence', () => {
    const raw = sampleJourney();
    raw.cards[0]!.evidenceIds = ['evidence:old'];
    const doc = run(raw, 'doc.compact', { olderThanDays: 7 });
    expect(doc.cards[0]!.evidenceIds).toEqual([]);
  });

  it('keeps everything when nothing is old enough', () => {
    const doc = sampleJourney();
    expect(run(doc, 'doc.compact', { olderThanDays: 36500 })).toBe(doc);
  });

  it('rejects bad input', () => {
    expect(failure(sampleJourney(), 'doc.compact', { olderThanDays: -1 }).code).toBe('INVALID_COMMAND_INPUT');
    expect(failure(sampleJourney(), 'doc.compact', { olderThanDays: 1, dryRun: true }).code).toBe(
      'INVALID_COMMAND_INPUT',
    );
  });
});
