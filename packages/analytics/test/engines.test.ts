import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine, directlyFollows, importLog, type Engine } from '../src/index';
import { ClickHouseEngine, isChdbAvailable } from '../src/engines/clickhouse';
import { clickHouseUrlEngines } from './clickhouseHttp/start';
import { logFrom, scratchDirectory } from './support';

const hasChdb = await isChdbAvailable();
if (!hasChdb) console.warn('skipping chDB engine tests: the optional "chdb" package failed to install');
const dir = scratchDirectory();
const clickHouseServer = clickHouseUrlEngines(join(dir.path, 'clickhouse-server'));
afterAll(async () => {
  await clickHouseServer.stop();
  dir.cleanup();
});

const LOG = [
  'case_id,activity,timestamp,channel,segment',
  'b,Pay,2024-01-01T00:00:02Z,web,new',
  'a,Visit,2024-01-01T00:00:00Z,app,old',
  'b,Visit,2024-01-01T00:00:02Z,,new',
  'a,Pay,2024-01-01T00:00:01.000001Z,app,old',
].join('\n');

const engines: [string, () => Promise<Engine>, boolean][] = [
  ['duckdb file', () => DuckDbEngine.open(join(dir.path, 'datasets.duckdb')), true],
  ['clickhouse (chDB)', () => ClickHouseEngine.open({ path: join(dir.path, 'chdb') }), hasChdb],
  // CLICKHOUSE_URL → @clickhouse/client over HTTP → the test stand-in (chDB in another process).
  ['clickhouse (CLICKHOUSE_URL)', () => clickHouseServer.open(), hasChdb],
];

for (const [kind, open, isAvailable] of engines) {
  describe.skipIf(!isAvailable)(`${kind} engine`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await open();
    });
    afterAll(async () => engine?.close());

    it('stores a log and loads it back identical, ties and attributes included', async () => {
      const log = await logFrom(dir.path, 'small.csv', LOG);
      const info = await engine.saveDataset('shop-1', log, { source: 'small.csv' });
      expect(info).toMatchObject({
        name: 'shop-1',
        events: 4,
        cases: 2,
        activities: 2,
        attributes: ['channel', 'segment'],
      });
      const loaded = await engine.loadDataset('shop-1', { fromTables: true });
      expect(loaded.caseIds).toEqual(log.caseIds);
      expect(Array.from(loaded.activity)).toEqual(Array.from(log.activity));
      expect(Array.from(loaded.time)).toEqual(Array.from(log.time));
      expect(Array.from(loaded.position)).toEqual(Array.from(log.position));
      expect(loaded.attributes).toEqual(log.attributes);
      expect(directlyFollows(loaded)).toEqual(directlyFollows(log));
    });

    it('loads rows stored out of analysis order sorted by (case, time, position)', async () => {
      // An event log whose case "a" runs backwards in time, as a table written by other means might.
      const log = await logFrom(dir.path, 'unordered.csv', LOG);
      const a = log.caseIds.indexOf('a');
      const [first, second] = [log.caseStart[a]!, log.caseStart[a]! + 1];
      const [firstActivity, secondActivity] = [log.activity[first]!, log.activity[second]!];
      log.time[first] = log.time[second]! + 5_000_000;
      await engine.saveDataset('unordered', log);
      const loaded = await engine.loadDataset('unordered', { fromTables: true });
      const start = loaded.caseStart[loaded.caseIds.indexOf('a')]!;
      expect([loaded.activity[start], loaded.activity[start + 1]]).toEqual([secondActivity, firstActivity]);
      expect(loaded.time[start]!).toBeLessThan(loaded.time[start + 1]!);
      expect([loaded.position[start], loaded.position[start + 1]]).toEqual([
        log.position[second],
        log.position[first],
      ]);
      await engine.dropDataset('unordered');
    });

    it('imports nanosecond timestamps truncated to the microsecond', async () => {
      const file = join(dir.path, 'nanos.csv');
      writeFileSync(
        file,
        'case_id,activity,timestamp\nn,A,2024-01-01T10:00:00.123456789Z\nn,B,2024-01-01T10:00:00.1234561Z\n',
      );
      await importLog(engine, file, { dataset: 'nanos' });
      const loaded = await engine.loadDataset('nanos', { fromTables: true });
      const ten = Date.UTC(2024, 0, 1, 10) * 1000;
      expect(Array.from(loaded.time)).toEqual([ten + 123456, ten + 123456]);
      expect(Array.from(loaded.position)).toEqual([0, 1]);
      await engine.dropDataset('nanos');
    });

    it('serves repeat loads from its cache with the same content', async () => {
      const log = await logFrom(dir.path, 'cached.csv', LOG);
      await engine.saveDataset('cached', log);
      const fromMemory = await engine.loadDataset('cached');
      await engine.close();
      engine = await open();
      for (const loaded of [fromMemory, await engine.loadDataset('cached')]) {
        expect(loaded.caseIds).toEqual(log.caseIds);
        expect(Array.from(loaded.time)).toEqual(Array.from(log.time));
        expect(loaded.attributes).toEqual(log.attributes);
        expect(directlyFollows(loaded)).toEqual(directlyFollows(log));
      }
      await engine.dropDataset('cached');
    });

    it('lists, replaces and drops datasets; unknown names and bad names are refused', async () => {
      const file = join(dir.path, 'import.csv');
      writeFileSync(file, LOG);
      const report = await importLog(engine, file, { dataset: 'shop-1' });
      expect(report.dataset.events).toBe(4);
      expect((await engine.listDatasets()).map((d) => d.name)).toEqual(['shop-1']);
      await engine.dropDataset('shop-1');
      expect(await engine.listDatasets()).toEqual([]);
      await expect(engine.loadDataset('shop-1')).rejects.toMatchObject({ code: 'DATASET_NOT_FOUND' });
      await expect(
        engine.saveDataset('no good', await logFrom(dir.path, 'x.csv', LOG)),
      ).rejects.toMatchObject({
        code: 'INVALID_DATASET_NAME',
      });
    });

    it('keeps the previous dataset when an import fails on bad input', async () => {
      await engine.saveDataset('keep', await logFrom(dir.path, 'keep.csv', LOG));
      const bad = join(dir.path, 'bad.csv');
      writeFileSync(bad, 'case_id,activity,timestamp\na,X,yesterday\n');
      await expect(importLog(engine, bad, { dataset: 'keep' })).rejects.toThrow(
        `${bad}:2: cannot read timestamp "yesterday"`,
      );
      expect((await engine.loadDataset('keep')).activity.length).toBe(4);
    });
  });
}
