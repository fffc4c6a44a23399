import { describe, expect, it } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { TEMPLATES, templateExample } from '../templates/index';
import { diffJourneys } from './diffJourneys';
import { summarizeDiff } from './summarizeDiff';
import { DIFF_COLLECTIONS } from './types';

const ids = (doc: Journey) =>
  new Map(
    DIFF_COLLECTIONS.flatMap((collection) =>
      doc[collection].map((record) => [record.id, collection] as const),
    ),
  );

describe('diffJourneys on every pair of templates', () => {
  const docs = TEMPLATES.map((template) => templateExample(template.id));

  it('finds no difference between a document and itself', () => {
    for (const doc of docs) expect(summarizeDiff(diffJourneys(doc, structuredClone(doc))).isEmpty).toBe(true);
  });

  it('reports additions only for new ids, removals only for gone ids, moves and edits only for shared ids', () => {
    for (const a of docs) {
      for (const b of docs) {
        const before = ids(a);
        const after = ids(b);
        const diff = diffJourneys(a, b);
        for (const change of diff.changes) {
          const where = `${a.map.id} → ${b.map.id}: ${change.change} ${change.id}`;
          if (change.change === 'added')
            expect(before.has(change.id) ? 'in a' : after.get(change.id), where).toBe(change.collection);
          else if (change.change === 'removed')
            expect(after.has(change.id) ? 'in b' : before.get(change.id), where).toBe(change.collection);
          else expect(before.has(change.id) && after.has(change.id), where).toBe(true);
        }
        const added = diff.changes.filter((change) => change.change === 'added').length;
        const removed = diff.changes.filter((change) => change.change === 'removed').length;
        expect(added).toBe([...after.keys()].filter((id) => !before.has(id)).length);
        expect(removed).toBe([...before.keys()].filter((id) => !after.has(id)).length);
        expect(diff.emotions.every((change) => change.before !== change.after)).toBe(true);
      }
    }
  });
});
