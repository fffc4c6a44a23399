import { join } from 'node:path';
import {
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBVector,
} from '@duckdb/node-api';
import {
  eventLogFromOrderedColumns,
  checkDatasetName,
  datasetNotFound,
  tablePrefix,
  type DatasetInfo,
  type Engine,
} from '../../Engine';
import type { AttributeColumn, EventLog } from '../../model/EventLog';
import { readEncodedLog, removeEncodedLog, writeEncodedLog } from '../encodedCache';

const CATALOG = 'trailmap_datasets';
const CHUNK = 2048;

/**
 * Datasets in one DuckDB database file (or `:memory:`). Per dataset: `<prefix>_cases(case_id,
 * name)`, `<prefix>_activities(activity_id, name)`, `<prefix>_events(case_id, activity_id, ts_us,
 * position, a0…)` with dictionary-encoded ids and attribute codes (-1 = none), `<prefix>_attributes(attribute,
 * code, value)`. Replacing a dataset is one transaction.
 */
/** Whether rows `from`..`to` are ordered by (case, time, input position), each after the one before. */
function isAnalysisOrdered(
  caseCodes: Int32Array,
  time: Float64Array,
  position: Float64Array,
  from: number,
  to: number,
): boolean {
  for (let i = from + 1; i < to; i++) {
    const byCase = caseCodes[i]! - caseCodes[i - 1]!;
    if (byCase > 0) continue;
    if (byCase < 0) return false;
    const byTime = time[i]! - time[i - 1]!;
    if (byTime < 0 || (byTime === 0 && position[i]! <= position[i - 1]!)) return false;
  }
  return true;
}

export class DuckDbEngine implements Engine {
  readonly kind = 'duckdb' as const;
  /** Logs loaded or saved by this instance, keyed by dataset, with the catalog stamp they match. */
  private readonly loaded = new Map<string, { stamp: string; log: EventLog }>();
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** Directory of encoded-column cache files (`<db>.cache/`), none for `:memory:`. */
    private readonly cacheDirectory: string | null,
  ) {}

  /** Opens (creating when missing) a DuckDB file; `:memory:` keeps everything in memory. */
  static async open(path = ':memory:'): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      `CREATE TABLE IF NOT EXISTS ${CATALOG} (name VARCHAR PRIMARY KEY, events BIGINT, cases BIGINT,
        activities INTEGER, attributes VARCHAR, source VARCHAR, created_at VARCHAR)`,
    );
    return new DuckDbEngine(instance, connection, path === ':memory:' ? null : `${path}.cache`);
  }

  /** The connection, for hand-written SQL over stored tables (benchmarks, diagnostics). */
  get sql(): DuckDBConnection {
    return this.connection;
  }

  async saveDataset(name: string, log: EventLog, options: { source?: string } = {}): Promise<DatasetInfo> {
    const prefix = tablePrefix(name);
    const attributeKeys = [...log.attributes.keys()];
    const info: DatasetInfo = {
      name,
      events: log.activity.length,
      cases: log.caseIds.length,
      activities: log.activities.length,
      attributes: attributeKeys,
      source: options.source ?? null,
      createdAt: new Date().toISOString(),
    };
    const c = this.connection;
    await c.run('BEGIN TRANSACTION');
    try {
      await this.dropTables(prefix);
      await c.run(`CREATE TABLE ${prefix}_cases (case_id INTEGER, name VARCHAR)`);
      await c.run(`CREATE TABLE ${prefix}_activities (activity_id INTEGER, name VARCHAR)`);
      await c.run(`CREATE TABLE ${prefix}_attributes (attribute INTEGER, code INTEGER, value VARCHAR)`);
      const attributeColumns = attributeKeys.map((_, a) => `, a${a} INTEGER`).join('');
      await c.run(
        `CREATE TABLE ${prefix}_events (case_id INTEGER, activity_id INTEGER, ts_us DOUBLE, position DOUBLE${attributeColumns})`,
      );
      await this.appendDictionary(`${prefix}_cases`, log.caseIds);
      await this.appendDictionary(`${prefix}_activities`, log.activities);
      await this.appendAttributeValues(`${prefix}_attributes`, [...log.attributes.values()]);
      await this.appendEvents(`${prefix}_events`, log);
      await c.run(`DELETE FROM ${CATALOG} WHERE name = $name`, { name });
      await c.run(
        `INSERT INTO ${CATALOG} VALUES ($name, $events, $cases, $activities, $attributes, $source, $createdAt)`,
        {
          name,
          events: info.events,
          cases: info.cases,
          activities: info.activities,
          attributes: JSON.stringify(info.attributes),
          source: info.source,
          createdAt: info.createdAt,
        },
      );
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK');
      throw error;
    }
    const stamp = stampOf(info);
    this.loaded.set(name, { stamp, log });
    if (this.cacheDirectory) writeEncodedLog(this.cacheFile(name), log, stamp);
    return info;
  }

  private cacheFile(name: string): string {
    return join(this.cacheDirectory!, `${tablePrefix(name)}.bin`);
  }

  async loadDataset(name: string, options: { fromTables?: boolean } = {}): Promise<EventLog> {
    const info = await this.info(name);
    const stamp = stampOf(info);
    if (!options.fromTables) {
      const known = this.loaded.get(name);
      if (known?.stamp === stamp) return known.log;
      const cached = this.cacheDirectory ? readEncodedLog(this.cacheFile(name), stamp) : null;
      if (cached) {
        this.loaded.set(name, { stamp, log: cached });
        return cached;
      }
    }
    const log = await this.loadFromTables(name, info);
    this.loaded.set(name, { stamp, log });
    return log;
  }

  /**
   * Reads the events table in analysis order. Imports append events in that order and DuckDB keeps
   * insertion order for plain scans (`preserve_insertion_order`), so a scan is tried first and
   * checked while it is read; only when it is not in order (a table written otherwise) does DuckDB
   * sort. The sort of 10M rows was most of a dataset load.
   */
  private async loadFromTables(name: string, info: DatasetInfo): Promise<EventLog> {
    const prefix = tablePrefix(name);
    const caseIds = await this.readDictionary(`SELECT name FROM ${prefix}_cases ORDER BY case_id`);
    const activities = await this.readDictionary(
      `SELECT name FROM ${prefix}_activities ORDER BY activity_id`,
    );
    const attributeSelect = info.attributes.map((_, a) => `, coalesce(a${a}, -1)`).join('');
    const scan = `SELECT case_id, activity_id, ts_us, position${attributeSelect} FROM ${prefix}_events`;
    const columns =
      (await this.readEventColumns(scan, info, true)) ??
      (await this.readEventColumns(`${scan} ORDER BY case_id, ts_us, position`, info, false))!;
    const values = await this.readAttributeValues(`${prefix}_attributes`, info.attributes.length);
    return eventLogFromOrderedColumns({
      caseIds,
      activities,
      ...columns,
      attributeKeys: info.attributes,
      attributeValues: values,
    });
  }

  /** The event columns `sql` returns; with `needsOrderCheck`, null as soon as they are out of analysis order. */
  private async readEventColumns(sql: string, info: DatasetInfo, needsOrderCheck: boolean) {
    const n = info.events;
    const caseCodes = new Int32Array(n);
    const activity = new Int32Array(n);
    const time = new Float64Array(n);
    const position = new Float64Array(n);
    const attributeCodes = info.attributes.map(() => new Int32Array(n));
    const result = await this.connection.stream(sql);
    let row = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const count = chunk.rowCount;
      copyInto(chunk.getColumnVector(0), caseCodes, row, count);
      copyInto(chunk.getColumnVector(1), activity, row, count);
      copyInto(chunk.getColumnVector(2), time, row, count);
      copyInto(chunk.getColumnVector(3), position, row, count);
      attributeCodes.forEach((codes, a) => copyInto(chunk.getColumnVector(4 + a), codes, row, count));
      if (
        needsOrderCheck &&
        !isAnalysisOrdered(caseCodes, time, position, Math.max(0, row - 1), row + count)
      ) {
        return null;
      }
      row += count;
    }
    return { caseCodes, activity, time, position, attributeCodes };
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    const reader = await this.connection.runAndReadAll(`SELECT * FROM ${CATALOG} ORDER BY name`);
    return reader.getRowObjectsJson().map(toInfo);
  }

  async dropDataset(name: string): Promise<void> {
    await this.info(name);
    await this.connection.run('BEGIN TRANSACTION');
    await this.dropTables(tablePrefix(name));
    await this.connection.run(`DELETE FROM ${CATALOG} WHERE name = $name`, { name });
    await this.connection.run('COMMIT');
    this.loaded.delete(name);
    if (this.cacheDirectory) removeEncodedLog(this.cacheFile(name));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async info(name: string): Promise<DatasetInfo> {
    checkDatasetName(name);
    const reader = await this.connection.runAndReadAll(`SELECT * FROM ${CATALOG} WHERE name = $name`, {
      name,
    });
    const [row] = reader.getRowObjectsJson();
    if (!row) throw datasetNotFound(name);
    return toInfo(row);
  }

  private async dropTables(prefix: string): Promise<void> {
    for (const suffix of ['cases', 'activities', 'attributes', 'events']) {
      await this.connection.run(`DROP TABLE IF EXISTS ${prefix}_${suffix}`);
    }
  }

  private async appendRows(
    table: string,
    types: DuckDBType[],
    count: number,
    fill: (vectors: DuckDBVector[], from: number, size: number) => void,
  ) {
    const appender = await this.connection.createAppender(table);
    for (let from = 0; from < count; from += CHUNK) {
      const size = Math.min(CHUNK, count - from);
      const chunk = DuckDBDataChunk.create(types, size);
      const vectors = types.map((_, i) => chunk.getColumnVector(i));
      fill(vectors, from, size);
      for (const vector of vectors) vector.flush();
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  }

  private appendDictionary(table: string, values: string[]) {
    return this.appendRows(table, [INTEGER, VARCHAR], values.length, ([ids, names], from, size) => {
      for (let i = 0; i < size; i++) {
        ids!.setItem(i, from + i);
        names!.setItem(i, values[from + i]!);
      }
    });
  }

  private appendAttributeValues(table: string, columns: AttributeColumn[]) {
    const rows = columns.flatMap((column, a) =>
      column.values.map((value, code) => [a, code, value] as const),
    );
    return this.appendRows(
      table,
      [INTEGER, INTEGER, VARCHAR],
      rows.length,
      ([attrs, codes, values], from, size) => {
        for (let i = 0; i < size; i++) {
          const [a, code, value] = rows[from + i]!;
          attrs!.setItem(i, a);
          codes!.setItem(i, code);
          values!.setItem(i, value);
        }
      },
    );
  }

  private appendEvents(table: string, log: EventLog) {
    const caseOf = new Int32Array(log.activity.length);
    for (let c = 0; c < log.caseIds.length; c++) caseOf.fill(c, log.caseStart[c]!, log.caseStart[c + 1]!);
    const attributeColumns = [...log.attributes.values()];
    const types = [INTEGER, INTEGER, DOUBLE, DOUBLE, ...attributeColumns.map(() => INTEGER)];
    return this.appendRows(table, types, log.activity.length, (vectors, from, size) => {
      fillVector(vectors[0]!, caseOf, from, size);
      fillVector(vectors[1]!, log.activity, from, size);
      fillVector(vectors[2]!, log.time, from, size);
      fillVector(vectors[3]!, log.position, from, size);
      attributeColumns.forEach((column, a) => fillVector(vectors[4 + a]!, column.codes, from, size));
    });
  }

  private async readDictionary(sql: string): Promise<string[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getColumns()[0]!.map(String);
  }

  private async readAttributeValues(table: string, attributeCount: number): Promise<string[][]> {
    const out: string[][] = Array.from({ length: attributeCount }, () => []);
    const reader = await this.connection.runAndReadAll(
      `SELECT attribute, code, value FROM ${table} ORDER BY attribute, code`,
    );
    for (const [attribute, code, value] of reader.getRows())
      out[Number(attribute)]![Number(code)] = String(value);
    return out;
  }
}

/**
 * The vector's own typed array. @duckdb/node-api keeps fixed-width values in a private `items`
 * array that `flush()` copies to DuckDB; using it directly turns millions of per-value calls into
 * one `set`. Falls back to per-item access if the library ever changes that shape.
 */
function itemsOf(vector: DuckDBVector): Int32Array | Float64Array | null {
  const items = (vector as unknown as { items?: unknown }).items;
  return items instanceof Int32Array || items instanceof Float64Array ? items : null;
}

function copyInto(
  vector: DuckDBVector,
  target: Int32Array | Float64Array,
  offset: number,
  count: number,
): void {
  const items = itemsOf(vector);
  if (items && items.length >= count) target.set(items.subarray(0, count), offset);
  else for (let i = 0; i < count; i++) target[offset + i] = (vector.getItem(i) as number | null) ?? -1;
}

function fillVector(
  vector: DuckDBVector,
  source: Int32Array | Float64Array,
  from: number,
  size: number,
): void {
  const items = itemsOf(vector);
  if (items && items.constructor === source.constructor) items.set(source.subarray(from, from + size));
  else for (let i = 0; i < size; i++) vector.setItem(i, source[from + i]!);
}

/** Identifies one saved version of a dataset; caches are valid only for the same stamp. */
const stampOf = (info: DatasetInfo) => `${info.createdAt}|${info.events}|${info.cases}`;

function toInfo(row: Record<string, unknown>): DatasetInfo {
  return {
    name: String(row.name),
    events: Number(row.events),
    cases: Number(row.cases),
    activities: Number(row.activities),
    attributes: JSON.parse(String(row.attributes)) as string[],
    source: row.source === null ? null : String(row.source),
    createdAt: String(row.created_at),
  };
}
