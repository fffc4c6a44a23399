import type { Journey } from '@trailmap/schema';
import type { DocIndex } from './docIndex';
import type { DiffCollection } from './types';

type AnyRecord = { id: string } & Record<string, unknown>;

/** How the diff treats one collection. */
export interface CollectionRules {
  /** Fields that place the record; a change there is a move, not an edit. */
  placeFields: string[];
  /** Whether `index` orders the record among siblings sharing `placeFields`. */
  isOrdered: boolean;
  label: (record: AnyRecord, index: DocIndex) => string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const COLLECTION_RULES: Record<DiffCollection, CollectionRules> = {
  personas: { placeFields: [], isOrdered: false, label: (r) => text(r.name) },
  stages: { placeFields: [], isOrdered: true, label: (r) => text(r.name) },
  steps: { placeFields: ['stageId'], isOrdered: true, label: (r) => text(r.name) },
  lanes: { placeFields: [], isOrdered: true, label: (r) => text(r.label) },
  cards: { placeFields: ['laneId', 'stageId', 'stepId'], isOrdered: true, label: (r) => text(r.text) },
  connections: {
    placeFields: [],
    isOrdered: false,
    label: (r, index) =>
      `${index.names.get(text(r.fromCardId)) ?? text(r.fromCardId)} → ${index.names.get(text(r.toCardId)) ?? text(r.toCardId)}`,
  },
  opportunities: { placeFields: ['stageId'], isOrdered: true, label: (r) => text(r.title) },
  evidence: {
    placeFields: [],
    isOrdered: false,
    label: (r) => text(r.title) || text(r.quote).slice(0, 80) || `${text(r.source)} evidence`,
  },
  metricBindings: {
    placeFields: [],
    isOrdered: false,
    label: (r, index) => index.names.get(text(r.targetId)) ?? text(r.targetId),
  },
};

export const recordsOf = (doc: Journey, collection: DiffCollection) =>
  doc[collection] as unknown as AnyRecord[];
export type { AnyRecord };
