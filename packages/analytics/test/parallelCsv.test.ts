import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLog, type EventLog } from '../src/index';
import { readCsvParallel, type ParallelCsvOptions } from '../src/import/readCsvParallel';
import type { OnError } from '../src/import/logError';
import { scratchDirectory } from './support';

const dir = scratchDirectory();
afterAll(dir.cleanup);

// Tiny blocks so that small files are cut in many places; the main thread waits until the worker
// has parsed the last three blocks, so the worker's path is always taken.
const FORCED: ParallelCsvOptions = { minBytes: 0, blockBytes: 97, waitForWorker: 3 };

let counter = 0;
function file(text: string): string {
  const path = join(dir.path, `${counter++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** Everything a log holds, as plain data. */
const plain = (log: EventLog) => ({
  caseIds: log.caseIds,
  activities: log.activities,
  caseStart: Array.from(log.caseStart),
  activity: Array.from(log.activity),
  time: Array.from(log.time),
  position: Array.from(log.position),
  attributes: [...log.attributes].map(([key, column]) => [key, column.values, Array.from(column.codes)]),
});

async function bothWays(text: string, onError: OnError = 'fail') {
  const path = file(text);
  const sequential = await readLog(path, { parallel: false, onError });
  const parallel = await readLog(path, { parallel: FORCED, onError });
  const direct = await readCsvParallel(path, { onError }, FORCED);
  return { sequential, parallel, workerBlocks: direct?.workerBlocks ?? -1 };
}

const stamp = (second: number) =>
  `2024-03-01T10:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`;

describe('reading CSV on two threads', () => {
  it('gives the same log as one thread: attributes, ties across cuts, UTC offsets, CRLF', async () => {
    const rows = ['case_id,activity,timestamp,channel,segment'];
    for (let c = 0; c < 60; c++) {
      for (let i = 0; i < 5; i++) {
        // Ties: events 1 and 2 of each case share a timestamp, written in two offsets.
        const second = c * 10 + (i === 2 ? 1 : i);
        const when = i === 2 ? stamp(second).replace('T10', 'T12').replace('Z', '+02:00') : stamp(second);
        rows.push(
          `C${c % 7 === 3 ? 'x' : ''}${c},Step ${(c * i) % 4},${when},${i % 2 ? 'web' : ''},${c % 3 ? 'new' : 'old'}`,
        );
      }
    }
    const { sequential, parallel, workerBlocks } = await bothWays(`${rows.join('\r\n')}\r\n`);
    expect(workerBlocks).toBeGreaterThan(0);
    expect(plain(parallel.log)).toEqual(plain(sequential.log));
    expect(parallel.log.attributes.get('channel')!.values).toEqual(['web']);
  });

  it('regroups cases that come back and times that go backwards, as one thread does', async () => {
    const rows = ['case_id,activity,timestamp'];
    for (let i = 0; i < 400; i++) rows.push(`k${(i * 7) % 23},A${i % 5},${stamp(1000 - (i % 37))}`);
    const { sequential, parallel, workerBlocks } = await bothWays(rows.join('\n'));
    expect(workerBlocks).toBeGreaterThan(0);
    expect(plain(parallel.log)).toEqual(plain(sequential.log));
  });

  it('reads on alone when quoted fields (newlines, commas, quotes) could be cut', async () => {
    const rows = ['case_id,activity,timestamp,note'];
    for (let i = 0; i < 200; i++) {
      const note = i % 9 === 0 ? `"line one\nline two, with ""quotes""\n"` : `plain ${i}`;
      rows.push(`c${Math.floor(i / 4)},Act ${i % 3},${stamp(i)},${note}`);
    }
    const { sequential, parallel, workerBlocks } = await bothWays(rows.join('\n'));
    expect(workerBlocks).toBe(0);
    expect(plain(parallel.log)).toEqual(plain(sequential.log));
    expect(parallel.log.attributes.get('note')!.values[0]).toBe('line one\nline two, with "quotes"\n');
  });

  it('reports a bad row in the worker’s part with its line number, or counts it with skip', async () => {
    const rows = ['case_id,activity,timestamp'];
    for (let i = 0; i < 300; i++) rows.push(`c${Math.floor(i / 3)},A${i % 4},${stamp(i)}`);
    // Bad rows in the last block, so the worker's line counts of the blocks before it add up.
    rows.push('', `c1000,A1,${stamp(6)}`, 'c999,A2', `c999,,${stamp(5)}`, 'c999,A1,not a time');
    const path = file(rows.join('\n'));
    const badLine = rows.length - 2;
    await expect(readLog(path, { parallel: FORCED })).rejects.toThrow(
      `${path}:${badLine}: expected 3 fields, found 2`,
    );
    await expect(readLog(path, { parallel: false })).rejects.toThrow(`${path}:${badLine}:`);
    const { sequential, parallel, workerBlocks } = await bothWays(rows.join('\n'), 'skip');
    expect(workerBlocks).toBeGreaterThan(0);
    expect(parallel.skipped).toBe(3);
    expect(sequential.skipped).toBe(3);
    expect(plain(parallel.log)).toEqual(plain(sequential.log));
  });

  it('leaves small and gzipped files to one thread', async () => {
    const path = file(`case_id,activity,timestamp\na,X,${stamp(1)}\n`);
    expect(await readCsvParallel(path, {})).toBeNull();
  });
});
