import {
  eventLogFromOrderedColumns,
  checkDatasetName,
  datasetNotFound,
  tablePrefix,
  type DatasetInfo,
  type Engine,
} from '../../Engine';
import type { EventLog } from '../../model/EventLog';
import { chdbExecutor, serverExecutor, type ClickHouseExecutor } from './executors';

const DATABASE = 'trailmap';
const SUFFIXES = ['meta', 'cases', 'activities', 'attributes', 'events'] as const;

const jsonEachRow = (rows: object[]) => Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n');

/**
 * Datasets in ClickHouse (chDB embedded, or a server). Tables per dataset in database `trailmap`:
 * `<prefix>_meta`, `_cases`, `_activities`, `_attributes` and `_events` (MergeTree ordered by
 * case, time, position). A new version is written under `<prefix>_new_*` and renamed into place.
 */
export class ClickHouseEngine implements Engine {
  readonly kind = 'clickhouse' as const;
  private constructor(private readonly executor: ClickHouseExecutor) {}

  /**
   * `url` (or `CLICKHOUSE_URL`) selects a server; otherwise chDB stores data in `path`
   * (a temporary directory when omitted). chDB allows one data directory per process.
   */
  static async open(options: { path?: string; url?: string } = {}): Promise<ClickHouseEngine> {
    const url = options.url ?? process.env.CLICKHOUSE_URL;
    const executor = url ? await serverExecutor(url) : await chdbExecutor(options.path ?? '');
    await executor.command(`CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
    return new ClickHouseEngine(executor);
  }

  /** Runs hand-written SQL and returns its rows (benchmarks, diagnostics). */
  query<T>(sql: string, params?: Record<string, unknown>): Promise<T[]> {
    return this.executor.queryRows<T>(sql, params);
  }

  async saveDataset(name: string, log: EventLog, options: { source?: string } = {}): Promise<DatasetInfo> {
    const final = `${DATABASE}.${tablePrefix(name)}`;
    const staging = `${DATABASE}.${tablePrefix(name)}_new`;
    const x = this.executor;
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
    await this.dropTables(staging);
    const engine = (order: string) => `ENGINE = MergeTree ORDER BY ${order}`;
    await x.command(`CREATE TABLE ${staging}_meta (info String) ${engine('tuple()')}`);
    await x.command(`CREATE TABLE ${staging}_cases (case_id UInt32, name String) ${engine('case_id')}`);
    await x.command(
      `CREATE TABLE ${staging}_activities (activity_id UInt32, name String) ${engine('activity_id')}`,
    );
    await x.command(
      `CREATE TABLE ${staging}_attributes (attribute UInt32, code UInt32, value String) ${engine('(attribute, code)')}`,
    );
    const attributeColumns = attributeKeys.map((_, a) => `, a${a} Int32`).join('');
    const eventStructure = `case_id UInt32, activity_id UInt32, ts_us Float64, position Float64${attributeColumns}`;
    await x.command(
      `CREATE TABLE ${staging}_events (${eventStructure}) ${engine('(case_id, ts_us, position)')}`,
    );
    await x.insert(
      `${staging}_meta`,
      'JSONEachRow',
      'info String',
      jsonEachRow([{ info: JSON.stringify(info) }]),
    );
    const dictionary = (values: string[], key: string) =>
      jsonEachRow(values.map((value, id) => ({ [key]: id, name: value })));
    await x.insert(
      `${staging}_cases`,
      'JSONEachRow',
      'case_id UInt32, name String',
      dictionary(log.caseIds, 'case_id'),
    );
    await x.insert(
      `${staging}_activities`,
      'JSONEachRow',
      'activity_id UInt32, name String',
      dictionary(log.activities, 'activity_id'),
    );
    const attributeRows = [...log.attributes.values()].flatMap((column, a) =>
      column.values.map((value, code) => ({ attribute: a, code, value })),
    );
    if (attributeRows.length > 0) {
      await x.insert(
        `${staging}_attributes`,
        'JSONEachRow',
        'attribute UInt32, code UInt32, value String',
        jsonEachRow(attributeRows),
      );
    }
    await x.insert(`${staging}_events`, 'RowBinary', eventStructure, encodeEvents(log));
    await this.dropTables(final);
    await x.command(`RENAME TABLE ${SUFFIXES.map((s) => `${staging}_${s} TO ${final}_${s}`).join(', ')}`);
    return info;
  }

  async loadDataset(name: string): Promise<EventLog> {
    const info = await this.info(name);
    const prefix = `${DATABASE}.${tablePrefix(name)}`;
    const x = this.executor;
    const names = async (table: string, key: string) =>
      (await x.queryRows<{ name: string }>(`SELECT name FROM ${table} ORDER BY ${key}`)).map(
        (row) => row.name,
      );
    const caseIds = await names(`${prefix}_cases`, 'case_id');
    const activities = await names(`${prefix}_activities`, 'activity_id');
    const attributeSelect = info.attributes.map((_, a) => `, a${a}`).join('');
    const bytes = await x.queryRowBinary(
      `SELECT case_id, activity_id, ts_us, position${attributeSelect} FROM ${prefix}_events ORDER BY case_id, ts_us, position`,
    );
    const n = info.events;
    const width = 24 + 4 * info.attributes.length;
    if (bytes.length !== n * width) throw new Error(`chdb returned ${bytes.length} bytes for ${n} events`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const caseCodes = new Int32Array(n);
    const activity = new Int32Array(n);
    const time = new Float64Array(n);
    const position = new Float64Array(n);
    const attributeCodes = info.attributes.map(() => new Int32Array(n));
    for (let e = 0, at = 0; e < n; e++, at += width) {
      caseCodes[e] = view.getUint32(at, true);
      activity[e] = view.getUint32(at + 4, true);
      time[e] = view.getFloat64(at + 8, true);
      position[e] = view.getFloat64(at + 16, true);
      for (let a = 0; a < attributeCodes.length; a++)
        attributeCodes[a]![e] = view.getInt32(at + 24 + 4 * a, true);
    }
    const values: string[][] = info.attributes.map(() => []);
    const rows = await x.queryRows<{ attribute: number; code: number; value: string }>(
      `SELECT attribute, code, value FROM ${prefix}_attributes ORDER BY attribute, code`,
    );
    for (const row of rows) values[Number(row.attribute)]![Number(row.code)] = row.value;
    return eventLogFromOrderedColumns({
      caseIds,
      activities,
      caseCodes,
      activity,
      time,
      position,
      attributeKeys: info.attributes,
      attributeValues: values,
      attributeCodes,
    });
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    const tables = await this.executor.queryRows<{ name: string }>(
      `SELECT name FROM system.tables WHERE database = {db:String} AND name LIKE 'ds\\_%\\_meta' AND name NOT LIKE '%\\_new\\_meta' ORDER BY name`,
      { db: DATABASE },
    );
    const out: DatasetInfo[] = [];
    for (const { name } of tables) {
      const [row] = await this.executor.queryRows<{ info: string }>(
        `SELECT info FROM ${DATABASE}.\`${name.replace(/`/g, '')}\``,
      );
      if (row) out.push(JSON.parse(row.info) as DatasetInfo);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async dropDataset(name: string): Promise<void> {
    await this.info(name);
    await this.dropTables(`${DATABASE}.${tablePrefix(name)}`);
  }

  async close(): Promise<void> {
    await this.executor.close();
  }

  private async info(name: string): Promise<DatasetInfo> {
    checkDatasetName(name);
    const exists = await this.executor.queryRows<{ n: number }>(
      'SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = {table:String}',
      { db: DATABASE, table: `${tablePrefix(name)}_meta` },
    );
    if (Number(exists[0]?.n ?? 0) === 0) throw datasetNotFound(name);
    const [row] = await this.executor.queryRows<{ info: string }>(
      `SELECT info FROM ${DATABASE}.${tablePrefix(name)}_meta`,
    );
    return JSON.parse(row!.info) as DatasetInfo;
  }

  private async dropTables(prefix: string): Promise<void> {
    for (const suffix of SUFFIXES) await this.executor.command(`DROP TABLE IF EXISTS ${prefix}_${suffix}`);
  }
}

/** Events as RowBinary rows: UInt32 case, UInt32 activity, Float64 time, Float64 position, Int32 attributes. */
function encodeEvents(log: EventLog): Buffer {
  const n = log.activity.length;
  const columns = [...log.attributes.values()];
  const width = 24 + 4 * columns.length;
  const buffer = Buffer.allocUnsafe(n * width);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  for (let c = 0; c < log.caseIds.length; c++) {
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      const at = e * width;
      view.setUint32(at, c, true);
      view.setUint32(at + 4, log.activity[e]!, true);
      view.setFloat64(at + 8, log.time[e]!, true);
      view.setFloat64(at + 16, log.position[e]!, true);
      for (let a = 0; a < columns.length; a++) view.setInt32(at + 24 + 4 * a, columns[a]!.codes[e]!, true);
    }
  }
  return buffer;
}
