import { z } from 'zod';
import { COLLECTIONS, JourneySchema, checkIntegrity, validationFailed, type Journey } from '@trailmap/schema';
import { patch, patchMap, put, remove, type Op } from '../../ops';
import { defineCommand } from '../defineCommand';

const isSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-level changes from one record to another (`undefined` = field removed). */
function fieldChanges(from: Record<string, unknown>, to: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (!isSame(from[key], to[key])) changes[key] = to[key];
  }
  return changes;
}

/**
 * The ops that turn `from` into `to`, record by record and field by field, so that replaying them
 * on a live (Yjs) document only touches what differs and concurrent edits elsewhere survive.
 */
export function diffOps(from: Journey, to: Journey): Op[] {
  const ops: Op[] = [];
  const { id: _mapId, ...targetMap } = to.map;
  const { id: _currentId, ...currentMap } = from.map;
  const mapChanges = fieldChanges(currentMap, targetMap);
  if (Object.keys(mapChanges).length > 0) ops.push(patchMap(mapChanges));
  for (const collection of COLLECTIONS) {
    const current = new Map(from[collection].map((record) => [record.id, record as Record<string, unknown>]));
    const target = new Set(to[collection].map((record) => record.id));
    for (const record of from[collection])
      if (!target.has(record.id)) ops.push(remove(collection, record.id));
    for (const record of to[collection]) {
      const existing = current.get(record.id);
      if (!existing) ops.push(put(collection, record));
      else {
        const changes = fieldChanges(existing, record as Record<string, unknown>);
        if (Object.keys(changes).length > 0) ops.push(patch(collection, record.id, changes));
      }
    }
  }
  return ops;
}

export const replaceDoc = defineCommand({
  id: 'doc.replace',
  summary:
    'Replace the whole map with another version of it (restore a version, PUT a file); the map id stays',
  input: z.strictObject({ document: JourneySchema }),
  history: 'record',
  run: (doc, { document }) => {
    const target: Journey = { ...document, map: { ...document.map, id: doc.map.id } };
    const issues = checkIntegrity(target);
    if (issues.length > 0) throw validationFailed(`the new version has ${issues.length} problem(s)`, issues);
    return diffOps(doc, target);
  },
});
