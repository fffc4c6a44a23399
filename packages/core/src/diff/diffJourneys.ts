import type { Journey } from '@trailmap/schema';
import { sortByIndex } from '../ordering';
import { COLLECTION_RULES, recordsOf, type AnyRecord } from './collections';
import { displayOrder, indexDoc, locate, type DocIndex } from './docIndex';
import { FIELD_ORDER, fieldChanges } from './fields';
import { reorderedIds } from './reorder';
import {
  DIFF_COLLECTIONS,
  type DiffCollection,
  type EmotionChange,
  type JourneyDiff,
  type RecordChange,
} from './types';

/**
 * The semantic difference between two versions of a map (or a current and a future state):
 * map fields, and records of every collection matched by id as added, removed, moved (to
 * another stage/lane/step, or to a new position among siblings) or edited (field by field);
 * plus emotion scores compared per stage and step. Plain JSON in a deterministic order:
 * collection by collection, removals in the first document's display order, then the second
 * document's records in display order.
 * @example
 * const diff = diffJourneys(before, after);
 * console.log(formatDiff(diff));
 */
export function diffJourneys(a: Journey, b: Journey): JourneyDiff {
  const before = indexDoc(a);
  const after = indexDoc(b);
  return {
    before: { mapId: a.map.id, title: a.map.title },
    after: { mapId: b.map.id, title: b.map.title },
    map: fieldChanges(a.map, b.map, FIELD_ORDER.map),
    changes: DIFF_COLLECTIONS.flatMap((collection) => diffCollection(collection, before, after)),
    emotions: diffEmotions(before, after),
  };
}

const placeOf = (record: AnyRecord) => ({
  stageId: record.stageId as string | undefined,
  stepId: record.stepId as string | undefined,
  laneId: record.laneId as string | undefined,
});

function diffCollection(collection: DiffCollection, before: DocIndex, after: DocIndex): RecordChange[] {
  const rules = COLLECTION_RULES[collection];
  const oldRecords = [...recordsOf(before.doc, collection)].sort(displayOrder(before));
  const newRecords = [...recordsOf(after.doc, collection)].sort(displayOrder(after));
  const oldById = new Map(oldRecords.map((record) => [record.id, record]));
  const newIds = new Set(newRecords.map((record) => record.id));
  const samePlace = (x: AnyRecord, y: AnyRecord) => rules.placeFields.every((field) => x[field] === y[field]);
  const hasPlace = rules.placeFields.length > 0;
  const base = (record: AnyRecord, index: DocIndex) => ({
    collection,
    id: record.id,
    label: rules.label(record, index),
  });

  const reordered = rules.isOrdered
    ? findReordered(oldRecords, newRecords, rules.placeFields, samePlace)
    : new Set();
  const changes: RecordChange[] = [];
  for (const record of oldRecords) {
    if (newIds.has(record.id)) continue;
    changes.push({
      ...base(record, before),
      change: 'removed',
      ...(hasPlace ? { location: locate(before, placeOf(record)) } : {}),
    });
  }
  for (const record of newRecords) {
    const old = oldById.get(record.id);
    if (!old) {
      changes.push({
        ...base(record, after),
        change: 'added',
        ...(hasPlace ? { location: locate(after, placeOf(record)) } : {}),
      });
      continue;
    }
    const oldLabel = rules.label(old, before);
    const label = base(record, after);
    const renamed = oldLabel !== label.label ? { labelBefore: oldLabel } : {};
    const isMoved = !samePlace(old, record);
    if (isMoved || reordered.has(record.id)) {
      changes.push({
        ...label,
        ...renamed,
        change: 'moved',
        from: locate(before, placeOf(old)),
        to: locate(after, placeOf(record)),
        ...(isMoved ? {} : { reordered: true }),
      });
    }
    const fields = fieldChanges(old, record, FIELD_ORDER[collection], ['id', 'index', ...rules.placeFields]);
    if (fields.length > 0) changes.push({ ...label, ...renamed, change: 'edited', fields });
  }
  return changes;
}

/** Ids of records that kept their place (same container) but changed position among siblings. */
function findReordered(
  oldRecords: AnyRecord[],
  newRecords: AnyRecord[],
  placeFields: string[],
  samePlace: (x: AnyRecord, y: AnyRecord) => boolean,
): Set<string> {
  const newById = new Map(newRecords.map((record) => [record.id, record]));
  const container = (record: AnyRecord) => placeFields.map((field) => String(record[field] ?? '')).join('|');
  const groups = new Map<string, { before: AnyRecord[]; after: AnyRecord[] }>();
  for (const old of oldRecords) {
    const next = newById.get(old.id);
    if (!next || !samePlace(old, next)) continue;
    const key = container(old);
    const group = groups.get(key) ?? { before: [], after: [] };
    group.before.push(old);
    group.after.push(next);
    groups.set(key, group);
  }
  const moved = new Set<string>();
  for (const group of groups.values()) {
    const ids = (records: AnyRecord[]) =>
      sortByIndex(records.map((r) => ({ id: r.id, index: String(r.index ?? '') }))).map((r) => r.id);
    for (const id of reorderedIds(ids(group.before), ids(group.after))) moved.add(id);
  }
  return moved;
}

function diffEmotions(before: DocIndex, after: DocIndex): EmotionChange[] {
  const cell = (point: { stageId: string; stepId?: string }) => `${point.stageId}|${point.stepId ?? ''}`;
  const oldPoints = new Map(before.doc.emotions.map((point) => [cell(point), point]));
  const newPoints = new Map(after.doc.emotions.map((point) => [cell(point), point]));
  const rank = (stageId: string, stepId: string | undefined): [number, number] => {
    const inAfter = after.stageRank.get(stageId);
    const stageRank = inAfter ?? 1_000_000 + (before.stageRank.get(stageId) ?? 0);
    const steps = inAfter === undefined ? before.stepRank : after.stepRank;
    return [stageRank, stepId === undefined ? -1 : (steps.get(stepId) ?? 1_000_000)];
  };
  const changes: (EmotionChange & { order: [number, number] })[] = [];
  for (const key of new Set([...oldPoints.keys(), ...newPoints.keys()])) {
    const old = oldPoints.get(key);
    const next = newPoints.get(key);
    if (old?.score === next?.score) continue;
    const point = (next ?? old)!;
    const names = after.names.has(point.stageId) ? after : before;
    changes.push({
      ...locate(names, { stageId: point.stageId, stepId: point.stepId }),
      stageId: point.stageId,
      stage: names.names.get(point.stageId) ?? point.stageId,
      ...(old ? { before: old.score } : {}),
      ...(next ? { after: next.score } : {}),
      ...(old?.emoji ? { emojiBefore: old.emoji } : {}),
      ...(next?.emoji ? { emojiAfter: next.emoji } : {}),
      order: rank(point.stageId, point.stepId),
    });
  }
  return changes
    .sort(
      (x, y) =>
        x.order[0] - y.order[0] || x.order[1] - y.order[1] || compareText(x.stepId ?? '', y.stepId ?? ''),
    )
    .map(({ order: _order, ...change }) => change);
}

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
