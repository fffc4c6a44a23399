import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { validateJourney, type Journey } from '@trailmap/schema';
import { canonicalize, toCanonicalJson, toYaml } from './canonical';
import { journeyArbitrary } from './journeyArbitrary.testSupport';
import { parseJourneyText } from './parse';

// Property runs are CPU-bound; a loaded 2-core machine can take several times longer than idle.
vi.setConfig({ testTimeout: 120_000 });

const parsed = (text: string, format: 'json' | 'yaml'): Journey => {
  const result = parseJourneyText(text, { format });
  if (!result.ok) throw new Error(`${format} did not parse back: ${JSON.stringify(result.issues)}\n${text}`);
  return result.doc;
};

const valid = (input: unknown): Journey => {
  const result = validateJourney(input);
  if (!result.ok) throw new Error(`generator made an invalid document: ${JSON.stringify(result.issues)}`);
  return result.value;
};

describe('journey text formats (property-based)', () => {
  it('generates valid documents', () => {
    fc.assert(
      fc.property(journeyArbitrary, (input) => void valid(input)),
      { numRuns: 100 },
    );
  });

  it('round-trips JSON → YAML → JSON unchanged', () => {
    fc.assert(
      fc.property(journeyArbitrary, (input) => {
        const json = toCanonicalJson(valid(input));
        const yaml = toYaml(parsed(json, 'json'));
        expect(toCanonicalJson(parsed(yaml, 'yaml'))).toBe(json);
      }),
      { numRuns: 200 },
    );
  });

  it('formatting is idempotent in both formats', () => {
    fc.assert(
      fc.property(journeyArbitrary, (input) => {
        const doc = valid(input);
        const json = toCanonicalJson(doc);
        const yaml = toYaml(doc);
        expect(toCanonicalJson(parsed(json, 'json'))).toBe(json);
        expect(toYaml(parsed(yaml, 'yaml'))).toBe(yaml);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order records are stored in', () => {
    fc.assert(
      fc.property(journeyArbitrary, fc.nat(), (input, turn) => {
        const doc = valid(input);
        const rotate = <T>(list: T[]) =>
          [...list.slice(turn % (list.length || 1)), ...list.slice(0, turn % (list.length || 1))].reverse();
        const shuffled = {
          ...doc,
          stages: rotate(doc.stages),
          cards: rotate(doc.cards),
          emotions: rotate(doc.emotions),
          lanes: rotate(doc.lanes),
        };
        expect(toCanonicalJson(shuffled)).toBe(toCanonicalJson(doc));
      }),
      { numRuns: 100 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(journeyArbitrary, (input) => {
        const doc = valid(input);
        const before = JSON.stringify(doc);
        canonicalize(doc);
        toYaml(doc);
        expect(JSON.stringify(doc)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});
