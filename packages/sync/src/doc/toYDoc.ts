import type * as Y from 'yjs';
import { COLLECTIONS, type Journey } from '@trailmap/schema';
import { collectionOf, mapRecordOf, metaOf, recordToYMap, syncFields } from './layout';

/**
 * Writes a JSON journey into a Y.Doc in one transaction. An empty doc is filled; a filled doc
 * is reconciled field by field (records missing from `doc` are removed, unchanged fields are
 * not touched), so replacing a whole document keeps concurrent edits to untouched fields.
 * @param origin transaction origin; pass an untracked origin for loads and server writes
 * @example journeyToYDoc(parseJourney(json), new Y.Doc())
 */
export function journeyToYDoc(doc: Journey, ydoc: Y.Doc, origin: unknown = null): Y.Doc {
  ydoc.transact(() => {
    syncFields(metaOf(ydoc), { schemaVersion: doc.schemaVersion, $schema: doc.$schema });
    syncFields(mapRecordOf(ydoc), doc.map as Record<string, unknown>);
    for (const collection of COLLECTIONS) {
      const target = collectionOf(ydoc, collection);
      const records = doc[collection] as unknown as Record<string, unknown>[];
      const wanted = new Set(records.map((record) => record.id as string));
      for (const id of [...target.keys()]) {
        if (!wanted.has(id)) target.delete(id);
      }
      for (const record of records) {
        const existing = target.get(record.id as string);
        if (existing) syncFields(existing, record);
        else target.set(record.id as string, recordToYMap(record));
      }
    }
  }, origin);
  return ydoc;
}
