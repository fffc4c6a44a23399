import {
  COLLECTIONS,
  DOCUMENT_LIMITS,
  ID_PREFIXES,
  TrailmapError,
  conflict,
  type CollectionName,
  type Journey,
  type RecordKind,
} from '@trailmap/schema';
import { findRecord, requireRecord } from '../selectors';
import type { CommandContext } from './defineCommand';

const COLLECTION_OF: Record<Exclude<RecordKind, 'map'>, CollectionName> = {
  persona: 'personas',
  stage: 'stages',
  step: 'steps',
  lane: 'lanes',
  card: 'cards',
  emotion: 'emotions',
  connection: 'connections',
  opportunity: 'opportunities',
  evidence: 'evidence',
  metricBinding: 'metricBindings',
};

const isIdUsed = (doc: Journey, id: string) =>
  doc.map.id === id || COLLECTIONS.some((collection) => findRecord(doc, collection, id) !== undefined);

/**
 * Checks that `extra` more records still fit the document's limits.
 * @throws TrailmapError `LIMIT_REACHED` (422)
 */
export function requireRoom(doc: Journey, collection: CollectionName, extra = 1) {
  const limit = DOCUMENT_LIMITS[collection];
  if (doc[collection].length + extra > limit) {
    throw new TrailmapError('LIMIT_REACHED', `a map holds at most ${limit} ${collection}`, {
      status: 422,
      details: { collection, limit },
    });
  }
}

/** Generated ids may repeat (a sequential generator restarted by a script): skip used ones. */
const MAX_GENERATED_TRIES = 1000;

function generateUnused(
  kind: Exclude<RecordKind, 'map'>,
  ctx: CommandContext,
  isUsed: (id: string) => boolean,
) {
  for (let attempt = 0; attempt < MAX_GENERATED_TRIES; attempt += 1) {
    const id = ctx.newId(kind);
    if (!id.startsWith(`${ID_PREFIXES[kind]}:`)) {
      throw new Error(`CommandContext.newId returned "${id}" for a ${kind}`);
    }
    if (!isUsed(id)) return id;
  }
  throw conflict('ID_TAKEN', `the id generator keeps returning ids already used in this map`);
}

/**
 * The id for a new record: the caller's choice when given, else an unused one from `ctx.newId`.
 * @throws TrailmapError `ID_TAKEN` (409) when the chosen id is already used in the document,
 *   `LIMIT_REACHED` (422) when the collection is full
 */
export function allocateId(
  doc: Journey,
  kind: Exclude<RecordKind, 'map'>,
  ctx: CommandContext,
  requested?: string,
): string {
  requireRoom(doc, COLLECTION_OF[kind]);
  if (requested === undefined) return generateUnused(kind, ctx, (id) => isIdUsed(doc, id));
  if (isIdUsed(doc, requested)) throw conflict('ID_TAKEN', `id "${requested}" is already used in this map`);
  return requested;
}

/** Like {@link allocateId} for several generated ids at once; unique among themselves too. */
export function allocateIds(
  doc: Journey,
  kind: Exclude<RecordKind, 'map'>,
  ctx: CommandContext,
  count: number,
): string[] {
  requireRoom(doc, COLLECTION_OF[kind], count);
  const used = new Set<string>([doc.map.id]);
  for (const collection of COLLECTIONS) for (const record of doc[collection]) used.add(record.id);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = generateUnused(kind, ctx, (candidate) => used.has(candidate));
    used.add(id);
    ids.push(id);
  }
  return ids;
}

/**
 * Checks that a cell (lane × stage, optionally × step) exists and that the step belongs to the stage.
 * @throws TrailmapError `LANE_NOT_FOUND`, `STAGE_NOT_FOUND`, `STEP_NOT_FOUND` (404),
 *   `STEP_OUTSIDE_STAGE` (422)
 */
export function requireCell(doc: Journey, cell: { laneId?: string; stageId: string; stepId?: string }) {
  if (cell.laneId !== undefined) requireRecord(doc, 'lanes', cell.laneId);
  requireRecord(doc, 'stages', cell.stageId);
  if (cell.stepId === undefined) return;
  const step = requireRecord(doc, 'steps', cell.stepId);
  if (step.stageId !== cell.stageId) {
    throw new TrailmapError(
      'STEP_OUTSIDE_STAGE',
      `step "${step.id}" belongs to stage "${step.stageId}", not "${cell.stageId}"`,
      { status: 422 },
    );
  }
}

/**
 * Evidence that exists and is not tombstoned.
 * @throws TrailmapError `EVIDENCE_NOT_FOUND` (404), `EVIDENCE_DELETED` (409)
 */
export function requireLiveEvidence(doc: Journey, id: string) {
  const evidence = requireRecord(doc, 'evidence', id);
  if (evidence.deletedAt !== undefined) {
    throw conflict('EVIDENCE_DELETED', `evidence "${id}" was deleted`);
  }
  return evidence;
}

/** Checks every id of an `evidenceIds` input. */
export const requireEvidenceIds = (doc: Journey, ids: readonly string[] | undefined) =>
  ids?.forEach((id) => requireLiveEvidence(doc, id));

/** Removes repeated entries, keeping the first occurrence. */
export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
