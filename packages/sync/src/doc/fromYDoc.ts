import type * as Y from 'yjs';
import {
  COLLECTIONS,
  CURRENT_SCHEMA_VERSION,
  ORDERED_COLLECTIONS,
  type CollectionName,
  type Journey,
} from '@trailmap/schema';
import { sortByIndex } from '@trailmap/core';
import { collectionOf, jsonEqual, mapRecordOf, metaOf } from './layout';
import { repairJourney } from './repair';

const ordered = new Set<CollectionName>(ORDERED_COLLECTIONS);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Canonical record order of a JSON document: ordered collections by (index, id), the others by
 * id. A Y.Doc has no array positions, so this is the order every peer reads back.
 */
export function canonicalOrder(doc: Journey): Journey {
  const next = { ...doc } as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const records = doc[collection] as unknown as { id: string; index: string }[];
    next[collection] = ordered.has(collection) ? sortByIndex(records) : [...records].sort(byId);
  }
  return next as Journey;
}

/** Reads the Y.Doc as written, without repairing references (tests, diagnostics). */
export function readRawJourney(ydoc: Y.Doc): Journey {
  const meta = metaOf(ydoc).toJSON() as { schemaVersion?: number; $schema?: string };
  const doc: Record<string, unknown> = {};
  if (meta.$schema !== undefined) doc.$schema = meta.$schema;
  doc.schemaVersion = meta.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  doc.map = mapRecordOf(ydoc).toJSON();
  for (const collection of COLLECTIONS) {
    doc[collection] = [...collectionOf(ydoc, collection).values()].map((fields) => fields.toJSON());
  }
  return canonicalOrder(doc as Journey);
}

/**
 * Reads the JSON journey out of a Y.Doc. Records left dangling by concurrent deletes (a card in
 * a lane someone else removed) are hidden by {@link repairJourney}, which every peer computes
 * identically, so all peers read the same valid document.
 */
export const yDocToJourney = (ydoc: Y.Doc): Journey => repairJourney(readRawJourney(ydoc));

/** Whether two documents hold the same records and fields, whatever their array order. */
export const journeysEqual = (a: Journey, b: Journey): boolean =>
  jsonEqual(canonicalOrder(a), canonicalOrder(b));
