import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { validateJourney } from '@trailmap/schema';
import { journeyArbitrary } from '../../test/arbitraries';
import { canonicalOrder, readRawJourney, yDocToJourney } from './fromYDoc';
import { journeyToYDoc } from './toYDoc';

describe('journeyToYDoc / yDocToJourney', () => {
  it('generates only valid documents (the property below would be vacuous otherwise)', () => {
    fc.assert(
      fc.property(journeyArbitrary, (doc) => {
        const result = validateJourney(doc);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
    );
  });

  it('round-trips every valid document losslessly (up to canonical record order)', () => {
    fc.assert(
      fc.property(journeyArbitrary, (doc) => {
        const ydoc = journeyToYDoc(doc, new Y.Doc());
        expect(yDocToJourney(ydoc)).toEqual(canonicalOrder(doc));
        // and through the wire: a second peer decoding the update reads the same document
        const peer = new Y.Doc();
        Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
        expect(yDocToJourney(peer)).toEqual(canonicalOrder(doc));
      }),
    );
  });

  it('reconciles a filled doc to another document, touching only what differs', () => {
    fc.assert(
      fc.property(journeyArbitrary, journeyArbitrary, (first, second) => {
        const ydoc = journeyToYDoc(first, new Y.Doc());
        journeyToYDoc(second, ydoc);
        expect(readRawJourney(ydoc)).toEqual(canonicalOrder(second));
      }),
    );
  });

  it('writes nothing when the document is unchanged', () => {
    fc.assert(
      fc.property(journeyArbitrary, (doc) => {
        const ydoc = journeyToYDoc(doc, new Y.Doc());
        let updates = 0;
        ydoc.on('update', () => updates++);
        journeyToYDoc(doc, ydoc);
        expect(updates).toBe(0);
      }),
    );
  });
});
