/** Collections whose records the diff matches by id. Emotion points are compared per stage instead. */
export const DIFF_COLLECTIONS = [
  'personas',
  'stages',
  'steps',
  'lanes',
  'cards',
  'connections',
  'opportunities',
  'evidence',
  'metricBindings',
] as const;
export type DiffCollection = (typeof DIFF_COLLECTIONS)[number];

export const CHANGE_KINDS = ['removed', 'added', 'moved', 'edited'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One field that differs; a side without the field has no `before`/`after` key. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** Where a record sits, by id and by the names people see. */
export interface DiffLocation {
  stageId?: string;
  stage?: string;
  stepId?: string;
  step?: string;
  laneId?: string;
  lane?: string;
}

/** A record added, removed, moved or edited between two documents (matched by id). */
export interface RecordChange {
  collection: DiffCollection;
  change: ChangeKind;
  id: string;
  /** What people call the record: a stage's name, a card's text, an opportunity's title… */
  label: string;
  /** The label in the first document when it differs (renamed stage, edited card). */
  labelBefore?: string;
  /** added/removed: where the record is (or was). */
  location?: DiffLocation;
  /** moved: the old and new place; equal places with `reordered` mean a new position among siblings. */
  from?: DiffLocation;
  to?: DiffLocation;
  reordered?: boolean;
  /** edited: the fields that differ, in schema order. */
  fields?: FieldChange[];
}

/** The emotion score of one stage (or step) before and after; a missing side had no point. */
export interface EmotionChange {
  stageId: string;
  stage: string;
  stepId?: string;
  step?: string;
  before?: number;
  after?: number;
  emojiBefore?: string;
  emojiAfter?: string;
}

/** The semantic difference between two journey documents; plain JSON, deterministic order. */
export interface JourneyDiff {
  before: { mapId: string; title: string };
  after: { mapId: string; title: string };
  map: FieldChange[];
  changes: RecordChange[];
  emotions: EmotionChange[];
}
