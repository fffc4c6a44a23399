import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CLI_BIN, inBatches, runCli, temporaryDirectory } from '../../../test/support/runCli';

// Each case spawns the real CLI; on a busy 2-core machine one run can take several seconds.
vi.setConfig({ testTimeout: 240_000 });
const dir = temporaryDirectory('trailmap-analyze-');
afterAll(dir.cleanup);
const file = (name: string, content: string | Buffer) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};

const GOOD = [
  'case_id,activity,timestamp,segment',
  '1,Visit,2024-01-01T00:00:00Z,new',
  '1,Cart,2024-01-01T00:10:00Z,new',
  '1,Pay,2024-01-01T00:40:00Z,new',
  '2,Visit,2024-01-01T00:00:00Z,old',
  '2,Cart,2024-01-01T00:20:00Z,old',
  '3,Visit,2024-01-01T01:00:00Z,new',
].join('\n');

describe('trailmap analyze: bad input is reported as LOG:LINE: message, exit 1', () => {
  const big = Array.from({ length: 5000 }, (_, i) => `${i},Visit,2024-01-01T00:00:00Z,x`).join('\n');
  const truncatedGzip = gzipSync(`case_id,activity,timestamp,segment\n${big}`).subarray(0, 2000);
  // [label, file name, content, line (null: any), message]
  const cases: [string, string, string | Buffer, number | null, string][] = [
    [
      'malformed row',
      'rows.csv',
      'case_id,activity,timestamp\n1,A,2024-01-01\n2,B\n',
      3,
      'expected 3 fields, found 2',
    ],
    [
      'unparseable timestamp',
      'time.csv',
      'case_id,activity,timestamp\n1,A,2024-01-01\n1,B,31/12/2024\n',
      3,
      'cannot read timestamp "31/12/2024" in column "timestamp"',
    ],
    [
      'missing columns',
      'cols.csv',
      'id,step,when\n1,A,2024-01-01\n',
      1,
      'missing case column "case_id" (choose one with --case); available columns: id, step, when',
    ],
    ['empty log', 'empty.csv', '', 1, 'the log is empty'],
    ['header only', 'header.csv', 'case_id,activity,timestamp\n', 2, 'the log has no events'],
    ['corrupt gzip', 'broken.csv.gz', truncatedGzip, null, 'corrupt gzip data (unexpected end of file)'],
    ['invalid XES', 'bad.xes', '<log><trace><event></trace></log>', 1, 'invalid XES: unexpected close tag.'],
    [
      'XES with another root',
      'root.xes',
      '<html></html>',
      1,
      'invalid XES: the root element is <html>, not <log>',
    ],
    [
      'stray quote',
      'quote.csv',
      'case_id,activity,timestamp\n1,A"x,2024-01-01\n',
      2,
      'stray quote inside an unquoted field',
    ],
  ];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it.each(cases)('%s', async (_label, name, content, line, message) => {
    const log = file(name, content);
    const run = await runCli(['analyze', 'dfg', log, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${escape(log)}:${line ?? '\\d+'}: ${escape(message)}\n$`));
  });

  it('--on-error skip reports the skipped rows and analyzes the rest', async () => {
    const log = file('skip.csv', `${GOOD}\n9,X,never,new\n9,Y\n`);
    const run = await runCli(['analyze', 'summary', log, '--json', '--on-error', 'skip']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${log}: skipped 2 bad row(s)`);
    expect(JSON.parse(run.stdout)).toMatchObject({ cases: 3, events: 6 });
  });

  it('draft writes nothing when the log is bad', async () => {
    const out = join(dir.path, 'never.journey.json');
    const run = await runCli([
      'draft',
      file('bad-draft.csv', 'case_id,activity,timestamp\n1,A,x\n'),
      '-o',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('trailmap analyze: JSON contract', () => {
  it('dfg, variants, durations and funnel print exactly the documented shapes', async () => {
    const log = file('good.csv', GOOD);
    const [dfg, variants, durations, funnel] = await inBatches(
      [
        ['analyze', 'dfg', log, '--json'],
        ['analyze', 'variants', log, '--json'],
        ['analyze', 'durations', log, '--json', '--filter', 'segment=new'],
        ['analyze', 'funnel', log, '--json', '--steps', 'Visit>Cart>Pay'],
      ],
      2,
      (args) => runCli(args),
    );
    for (const run of [dfg, variants, durations, funnel]) expect(run!.code, run!.stderr).toBe(0);
    const graph = JSON.parse(dfg!.stdout);
    expect(Object.keys(graph)).toEqual(['cases', 'events', 'activities', 'start', 'end', 'edges']);
    expect(graph.edges[0]).toEqual({
      from: 'Cart',
      to: 'Pay',
      count: 1,
      meanSeconds: 1800,
      medianSeconds: 1800,
      p90Seconds: 1800,
    });
    expect(JSON.parse(variants!.stdout)).toEqual({
      variantCount: 3,
      variants: [
        { activities: ['Visit'], cases: 1, share: 1 / 3 },
        { activities: ['Visit', 'Cart'], cases: 1, share: 1 / 3 },
        { activities: ['Visit', 'Cart', 'Pay'], cases: 1, share: 1 / 3 },
      ],
    });
    expect(JSON.parse(durations!.stdout)).toEqual({
      cases: 2,
      caseDurationSeconds: { min: 0, median: 1200, mean: 1200, p90: 2160, max: 2400 },
    });
    expect(JSON.parse(funnel!.stdout)).toEqual({
      steps: [
        {
          activity: 'Visit',
          cases: 3,
          conversionFromStart: 1,
          conversionFromPrevious: 1,
          medianSecondsFromPrevious: null,
        },
        {
          activity: 'Cart',
          cases: 2,
          conversionFromStart: 2 / 3,
          conversionFromPrevious: 2 / 3,
          medianSecondsFromPrevious: 900,
        },
        {
          activity: 'Pay',
          cases: 1,
          conversionFromStart: 1 / 3,
          conversionFromPrevious: 0.5,
          medianSecondsFromPrevious: 1800,
        },
      ],
    });
  });

  it('events import stores a dataset that analyze reads as dataset:NAME with the same results', async () => {
    const log = file('import.csv', GOOD);
    const db = join(dir.path, 'datasets.duckdb');
    const imported = await runCli(['events', 'import', log, '--dataset', 'shop', '--db', db]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /imported 6 events \(3 cases, 3 activities\) into dataset "shop" in [\d.]+s \(\d+ events\/s\)/,
    );
    const [fromDataset, fromFile] = await inBatches(
      [
        ['analyze', 'dfg', 'dataset:shop', '--db', db, '--json'],
        ['analyze', 'dfg', log, '--json'],
      ],
      2,
      (args) => runCli(args),
    );
    expect(fromDataset!.code, fromDataset!.stderr).toBe(0);
    expect(fromDataset!.stdout).toBe(fromFile!.stdout);
  });

  it('draft writes a valid map; conformance and touchpoints read it and a survey', async () => {
    const log = file('draft.csv', GOOD);
    const out = join(dir.path, 'drafted.journey.json');
    const drafted = await runCli(['draft', log, '-o', out, '--title', 'Shop']);
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).map.title).toBe('Shop');
    const survey = file('survey.csv', 'touchpoint,csat,nps\nCart,5,10\nCart,3,2\n');
    const [conformance, touchpoints] = await inBatches(
      [
        ['analyze', 'conformance', log, '--map', out, '--json'],
        ['analyze', 'touchpoints', survey, '--json'],
      ],
      2,
      (args) => runCli(args),
    );
    expect(conformance!.code, conformance!.stderr).toBe(0);
    expect(JSON.parse(conformance!.stdout)).toMatchObject({ cases: 3, mappedCases: 3 });
    expect(touchpoints!.code, touchpoints!.stderr).toBe(0);
    expect(JSON.parse(touchpoints!.stdout).touchpoints[0]).toMatchObject({
      touchpoint: 'Cart',
      csat: { responses: 2, score: 0.5 },
      nps: { score: 0 },
    });
  });
});

describe('trailmap analyze compare', () => {
  it('prints both segments in the documented JSON shape (durations and funnel by hand)', async () => {
    const log = file('compare.csv', GOOD);
    const [durations, funnel] = await inBatches(
      [
        [
          'analyze',
          'compare',
          log,
          '--a',
          'segment=new',
          '--b',
          'segment=old',
          '--query',
          'durations',
          '--json',
        ],
        [
          'analyze',
          'compare',
          log,
          '--a',
          'contains=Cart',
          '--b',
          'lacks=Cart',
          '--query',
          'funnel',
          '--steps',
          'Visit>Cart',
          '--json',
        ],
      ],
      2,
      (args) => runCli(args),
    );
    expect(durations!.code, durations!.stderr).toBe(0);
    // new = cases 1 (40 min) and 3 (one event, 0 s); old = case 2 (20 min).
    expect(JSON.parse(durations!.stdout)).toEqual({
      query: 'durations',
      a: {
        filters: ['segment=new'],
        cases: 2,
        events: 4,
        shareOfCases: 2 / 3,
        result: { cases: 2, caseDurationSeconds: { min: 0, median: 1200, mean: 1200, p90: 2160, max: 2400 } },
      },
      b: {
        filters: ['segment=old'],
        cases: 1,
        events: 2,
        shareOfCases: 1 / 3,
        result: {
          cases: 1,
          caseDurationSeconds: { min: 1200, median: 1200, mean: 1200, p90: 1200, max: 1200 },
        },
      },
    });
    expect(funnel!.code, funnel!.stderr).toBe(0);
    const sides = JSON.parse(funnel!.stdout);
    // With Cart: cases 1 (+10 min) and 2 (+20 min); without: case 3, which never reaches Cart.
    expect(sides.a.result.steps.map((s: { cases: number }) => s.cases)).toEqual([2, 2]);
    expect(sides.a.result.steps[1].medianSecondsFromPrevious).toBe(900);
    expect(sides.b.result.steps).toEqual([
      {
        activity: 'Visit',
        cases: 1,
        conversionFromStart: 1,
        conversionFromPrevious: 1,
        medianSecondsFromPrevious: null,
      },
      {
        activity: 'Cart',
        cases: 0,
        conversionFromStart: 0,
        conversionFromPrevious: 0,
        medianSecondsFromPrevious: null,
      },
    ]);
  });

  it('prints a side-by-side table, and refuses missing filters, steps and unknown attributes', async () => {
    const log = file('compare-table.csv', GOOD);
    const [dfg, noFilters, noSteps, unknown] = await inBatches(
      [
        ['analyze', 'compare', log, '--a', 'segment=new', '--b', 'segment=old', '--query', 'dfg'],
        ['analyze', 'compare', log],
        ['analyze', 'compare', log, '--a', 'segment=new', '--query', 'funnel'],
        ['analyze', 'compare', log, '--a', 'tier=gold', '--b', 'segment=old'],
      ],
      2,
      (args) => runCli(args),
    );
    expect(dfg!.code, dfg!.stderr).toBe(0);
    const lines = dfg!.stdout.split('\n');
    expect(lines[0]).toBe('A: segment=new');
    expect(lines[1]).toBe('B: segment=old');
    expect(lines.find((line) => line.startsWith('cases'))).toMatch(/^cases\s+2\s+1$/);
    expect(lines.find((line) => line.startsWith('Visit -> Cart'))).toMatch(/1 \/ 10m\s+1 \/ 20m$/);
    expect(lines.find((line) => line.startsWith('Cart -> Pay'))).toMatch(/1 \/ 30m\s+-$/);
    expect([noFilters!.code, noSteps!.code]).toEqual([2, 2]);
    expect(noFilters!.stderr).toContain('give at least one --a or --b filter');
    expect(noSteps!.stderr).toContain('--query funnel needs --steps');
    expect(unknown!.code).toBe(1);
    expect(unknown!.stderr).toContain('the log has no attribute "tier"; attributes: segment');
  });
});

describe('a closed stdout (trailmap analyze … | head -1)', () => {
  it('ends quietly with exit 0 instead of an EPIPE stack trace', async () => {
    const rows = ['case_id,activity,timestamp'];
    for (let c = 0; c < 3000; c++)
      rows.push(`c${c},A${c % 50},2024-01-01T00:00:00Z`, `c${c},B${c % 97},2024-01-01T00:01:00Z`);
    const log = file('many-edges.csv', rows.join('\n'));
    for (const args of [
      ['analyze', 'dfg', log],
      ['analyze', 'variants', log, '--json'],
    ]) {
      const child = spawn(process.execPath, [CLI_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      // Like `head -1`: read the first chunk, then close the read end of the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  });
});
