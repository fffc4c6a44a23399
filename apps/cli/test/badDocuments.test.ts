import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BAD_CASES, HUGE_CASE, type BadCase } from './badDocuments.cases';
import { inBatches, runCli, temporaryDirectory, type CliRun } from './support/runCli';

// Each case starts a real Node process; on a busy 2-core machine that can take seconds.
vi.setConfig({ testTimeout: 180_000 });

const directory = temporaryDirectory();
afterAll(directory.cleanup);

/** Line and column (1-based) of the `occurrence`-th match of `marker` (-1: the last). */
function positionOf(text: string, marker: string, occurrence = 0) {
  let at = occurrence === -1 ? text.lastIndexOf(marker) : -1;
  for (let n = 0; occurrence !== -1 && n <= occurrence; n += 1) at = text.indexOf(marker, at + 1);
  if (at === -1) throw new Error(`marker ${JSON.stringify(marker)} not in the case's text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - before.lastIndexOf('\n') };
}

function expectedPosition(badCase: BadCase) {
  if (badCase.at !== undefined) return positionOf(String(badCase.content), badCase.at, badCase.occurrence);
  return { line: badCase.line, col: badCase.col };
}

// Every case runs the real CLI once; they run a few at a time to keep the suite quick.
const runs = new Map<string, Promise<CliRun>>();
const runFor = (badCase: BadCase) => {
  let run = runs.get(badCase.name);
  if (!run) {
    writeFileSync(join(directory.path, badCase.file), badCase.content);
    run = runCli(['validate', badCase.file], { cwd: directory.path });
    runs.set(badCase.name, run);
  }
  return run;
};
// Started up front, four at a time; each test then waits only for its own run, and a failed
// spawn is reported by the test of that case (which awaits the same promise).
inBatches(BAD_CASES, 4, runFor).catch((error: unknown) => error);

describe('trailmap validate on bad documents', () => {
  it('has a corpus of at least 30 distinct bad documents', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_CASES.map((c) => c.file)).size).toBe(BAD_CASES.length);
  });

  it.each(BAD_CASES.map((badCase) => [badCase.name, badCase] as const))('%s', async (_name, badCase) => {
    const run = await runFor(badCase);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(`${badCase.file}:`));
    expect(lines.length, run.stderr).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(new RegExp(`^${badCase.file.replace(/\./g, '\\.')}:\\d+:\\d+: .+`));
    const { line, col } = expectedPosition(badCase);
    const located = lines.find((text) => badCase.message.test(text));
    expect(located, run.stderr).toBeDefined();
    const [, foundLine, foundCol] = /:(\d+):(\d+): /.exec(located!)!;
    if (line !== undefined) expect(Number(foundLine), located).toBe(line);
    if (col !== undefined) expect(Number(foundCol), located).toBe(col);
    for (const other of badCase.also ?? []) expect(run.stderr).toMatch(other);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = join(directory.path, HUGE_CASE.file);
    writeFileSync(file, Buffer.alloc(HUGE_CASE.bytes, 0x20));
    const run = await runCli(['validate', HUGE_CASE.file], { cwd: directory.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${HUGE_CASE.file}:1:1: .*${HUGE_CASE.message.source}`, 'm'));
  });
});
