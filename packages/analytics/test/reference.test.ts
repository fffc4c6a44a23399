import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DuckDbEngine,
  caseDurations,
  directlyFollows,
  funnel,
  readLog,
  rework,
  summary,
  variants,
  type Engine,
  type EventLog,
} from '../src/index';
import { ClickHouseEngine, isChdbAvailable } from '../src/engines/clickhouse';
import { clickHouseUrlEngines } from './clickhouseHttp/start';
import { EVENTLOG_DIR, expectMatchesReference, hasEventLogs, references } from './referenceLogs';

const hasChdb = await isChdbAvailable();
if (!hasChdb) console.warn('skipping chDB engine tests: the optional "chdb" package failed to install');

/** Every query's full output, to compare engines with each other and with the raw file. */
function allResults(log: EventLog) {
  const dfg = directlyFollows(log);
  const top = Object.entries(dfg.activities)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name]) => name);
  return {
    dfg,
    variants: variants(log),
    durations: caseDurations(log),
    summary: summary(log),
    rework: rework(log),
    funnel: funnel(log, { steps: top }),
  };
}

const logs = new Map<string, EventLog>();
const scratch = mkdtempSync(join(tmpdir(), 'trailmap-reference-'));
const clickHouseServer = clickHouseUrlEngines(join(scratch, 'clickhouse-server'));
const engines: [string, () => Promise<Engine>, boolean][] = [
  ['duckdb', () => DuckDbEngine.open(':memory:'), true],
  ['clickhouse (chDB)', () => ClickHouseEngine.open({ path: join(scratch, 'chdb') }), hasChdb],
  // CLICKHOUSE_URL → @clickhouse/client over HTTP → the test stand-in (chDB in another process).
  ['clickhouse (CLICKHOUSE_URL)', () => clickHouseServer.open(), hasChdb],
];

afterAll(async () => {
  await clickHouseServer.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasEventLogs)('pm4py reference results, raw files', () => {
  for (const ref of references()) {
    it(`${ref.name}: agrees with pm4py`, async () => {
      const { log } = await readLog(join(EVENTLOG_DIR, ref.file));
      logs.set(ref.name, log);
      expectMatchesReference(ref, directlyFollows(log), variants(log), caseDurations(log));
    });
  }
});

for (const [kind, open, isAvailable] of engines) {
  describe.skipIf(!hasEventLogs || !isAvailable)(`pm4py reference results, ${kind} datasets`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await open();
    });
    afterAll(async () => engine?.close());

    for (const ref of references()) {
      it(`${ref.name}: stored, loaded back in SQL order, and every query agrees`, async () => {
        const raw = logs.get(ref.name) ?? (await readLog(join(EVENTLOG_DIR, ref.file))).log;
        const name = ref.name.replace(/[^A-Za-z0-9_-]/g, '_');
        await engine.saveDataset(name, raw, { source: ref.file });
        const loaded = await engine.loadDataset(name, { fromTables: true });
        expectMatchesReference(ref, directlyFollows(loaded), variants(loaded), caseDurations(loaded));
        expect(allResults(loaded)).toEqual(allResults(raw));
        expect(loaded.caseIds).toEqual(raw.caseIds);
        expect([...loaded.attributes.keys()]).toEqual([...raw.attributes.keys()]);
      });
    }
  });
}
