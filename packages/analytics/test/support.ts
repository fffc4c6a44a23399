import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLog, type EventLog } from '../src/index';

/** A temporary directory removed by `cleanup`. */
export function scratchDirectory() {
  const path = mkdtempSync(join(tmpdir(), 'trailmap-analytics-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

let counter = 0;
/** Writes `text` to a temp file named `name` and reads it as a log. */
export async function logFrom(dir: string, name: string, text: string | Buffer): Promise<EventLog> {
  const file = join(dir, `${counter++}-${name}`);
  writeFileSync(file, text);
  return (await readLog(file)).log;
}

/** Each case as `caseId: a,b,c` for readable assertions. */
export const paths = (log: EventLog) =>
  log.caseIds.map((id, c) => {
    const names: string[] = [];
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++)
      names.push(log.activities[log.activity[e]!]!);
    return `${id}: ${names.join(',')}`;
  });
