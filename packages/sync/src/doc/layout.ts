import * as Y from 'yjs';
import { COLLECTIONS, type CollectionName } from '@trailmap/schema';

/**
 * How a journey document is laid out in Yjs. Every collection is a top-level Y.Map keyed by
 * record id whose values are Y.Maps of fields, so two people editing different fields of one
 * card both win. Order is never array position: it is each record's fractional `index`.
 */
export const MAP_KEY = 'map';
/** `schemaVersion` and `$schema` of the JSON document. */
export const META_KEY = 'meta';

export type RecordMap = Y.Map<unknown>;
export type CollectionMap = Y.Map<RecordMap>;

/** The Y.Map holding one collection's records. */
export const collectionOf = (ydoc: Y.Doc, collection: CollectionName): CollectionMap =>
  ydoc.getMap<RecordMap>(collection);

/** The Y.Map holding the fields of the map record itself. */
export const mapRecordOf = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap<unknown>(MAP_KEY);

export const metaOf = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap<unknown>(META_KEY);

/** Every top-level type that holds journey content (what undo tracks and editors may write). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Y.UndoManager's own scope type
export const contentTypesOf = (ydoc: Y.Doc): Y.AbstractType<any>[] => [
  metaOf(ydoc),
  mapRecordOf(ydoc),
  ...COLLECTIONS.map((collection) => collectionOf(ydoc, collection)),
];

/** Names of the top-level types holding journey content. */
export const CONTENT_KEYS: readonly string[] = [META_KEY, MAP_KEY, ...COLLECTIONS];

/** Structural equality of JSON values, used to skip writes that would change nothing. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Makes a Y.Map's fields equal to `fields`: changed fields are set, missing ones deleted,
 * equal ones left alone so a concurrent edit of another field is not overwritten.
 */
export function syncFields(target: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const key of [...target.keys()]) {
    if (fields[key] === undefined) target.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!jsonEqual(target.get(key), value)) target.set(key, value);
  }
}

/** A new Y.Map filled with a record's defined fields. */
export function recordToYMap(record: Record<string, unknown>): RecordMap {
  const fields = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) fields.set(key, value);
  }
  return fields;
}
