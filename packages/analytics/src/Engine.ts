import { TrailmapError } from '@trailmap/schema';
import type { AttributeColumn, EventLog } from './model/EventLog';

/** What the engine knows about a stored dataset. */
export interface DatasetInfo {
  name: string;
  events: number;
  cases: number;
  activities: number;
  attributes: string[];
  /** Where the events came from (a file name), when known. */
  source: string | null;
  createdAt: string;
}

/**
 * The storage port. An engine keeps named datasets (dictionary-encoded events) and hands them back
 * as an {@link EventLog} sorted by (case, timestamp, input position) — that ORDER BY runs in the
 * engine's SQL. All queries run on the returned log, so both engines give identical results.
 */
export interface Engine {
  readonly kind: 'duckdb' | 'clickhouse';
  /** Stores a log under `name`, replacing an existing dataset atomically. */
  saveDataset(name: string, log: EventLog, options?: { source?: string }): Promise<DatasetInfo>;
  /**
   * Loads a dataset in analysis order (from the engine's encoded cache when it has one, unless
   * `fromTables`). @throws TrailmapError DATASET_NOT_FOUND
   */
  loadDataset(name: string, options?: { fromTables?: boolean }): Promise<EventLog>;
  listDatasets(): Promise<DatasetInfo[]>;
  /** @throws TrailmapError DATASET_NOT_FOUND */
  dropDataset(name: string): Promise<void>;
  close(): Promise<void>;
}

const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** Dataset names become table names, so only letters, digits, `_` and `-` are allowed. */
export function checkDatasetName(name: string): string {
  if (!DATASET_NAME.test(name)) {
    throw new TrailmapError(
      'INVALID_DATASET_NAME',
      `dataset name "${name}" must be 1-63 letters, digits, "_" or "-", starting with a letter or digit`,
      { status: 400 },
    );
  }
  return name;
}

/** Table name prefix of a dataset; `-` is not allowed in unquoted identifiers. */
export const tablePrefix = (name: string) => `ds_${checkDatasetName(name).replace(/-/g, '__')}`;

export const datasetNotFound = (name: string) =>
  new TrailmapError('DATASET_NOT_FOUND', `dataset "${name}" does not exist`, { status: 404 });

/** Rebuilds case boundaries from the per-event case codes of an ordered result. */
export function caseStartFromCodes(caseCodes: Int32Array, cases: number): Int32Array {
  const caseStart = new Int32Array(cases + 1);
  for (let e = 0; e < caseCodes.length; e++) caseStart[caseCodes[e]! + 1]!++;
  for (let c = 0; c < cases; c++) caseStart[c + 1]! += caseStart[c]!;
  for (let e = 1; e < caseCodes.length; e++) {
    if (caseCodes[e]! < caseCodes[e - 1]!) throw new Error('engine returned events out of case order');
  }
  return caseStart;
}

/** The columns an engine reads back for a dataset, in analysis order (case, time, position). */
export interface OrderedColumns {
  caseIds: string[];
  activities: string[];
  caseCodes: Int32Array;
  activity: Int32Array;
  time: Float64Array;
  position: Float64Array;
  attributeKeys: string[];
  attributeValues: string[][];
  attributeCodes: Int32Array[];
}

/** Assembles the in-memory log from an engine's ordered columns; both engines share this. */
export function eventLogFromOrderedColumns(columns: OrderedColumns): EventLog {
  const attributes = new Map<string, AttributeColumn>();
  columns.attributeKeys.forEach((key, a) =>
    attributes.set(key, { values: columns.attributeValues[a]!, codes: columns.attributeCodes[a]! }),
  );
  return {
    caseIds: columns.caseIds,
    activities: columns.activities,
    caseStart: caseStartFromCodes(columns.caseCodes, columns.caseIds.length),
    activity: columns.activity,
    time: columns.time,
    position: columns.position,
    attributes,
  };
}
