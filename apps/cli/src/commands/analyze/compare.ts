import { Option, type Command } from 'commander';
import type {
  ComparedSide,
  DirectlyFollowsGraph,
  FunnelResult,
  LogSummary,
  QueryName,
  VariantsResult,
  CaseDurations,
} from '@trailmap/analytics';
import { CliError, EXIT } from '../../errors';
import { funnelJson } from './funnel';
import {
  addLogOptions,
  humanSeconds,
  loadLog,
  percent,
  printJson,
  reportingLogErrors,
  type LogCliOptions,
} from './logOptions';

const COMPARED = ['summary', 'dfg', 'variants', 'funnel', 'durations'] as const;
type Compared = (typeof COMPARED)[number];

interface CompareOptions extends LogCliOptions {
  a: string[];
  b: string[];
  query: Compared;
  steps?: string;
  window?: number;
  top?: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `trailmap analyze compare LOG --a FILTER --b FILTER [--query …]`: two segments side by side. */
export function registerAnalyzeCompare(analyze: Command): void {
  addLogOptions(
    analyze
      .command('compare')
      .description('Segment comparison: one query on two filtered views of a log, side by side'),
  )
    .option('--a <filter>', 'filter of segment A (same forms as --filter); repeatable', collect, [])
    .option('--b <filter>', 'filter of segment B (same forms as --filter); repeatable', collect, [])
    .addOption(new Option('--query <query>', 'what to compare').choices([...COMPARED]).default('summary'))
    .option('--steps <steps>', 'funnel steps, e.g. "Visit site>Add to cart>Pay" (with --query funnel)')
    .option('--window <seconds>', 'funnel: max seconds from the first step', Number.parseFloat)
    .option('--top <n>', 'variants: only the N most frequent per side', (v) => Number.parseInt(v, 10))
    .action(async (source: string, options: CompareOptions) => {
      if (options.a.length === 0 && options.b.length === 0) {
        throw new CliError(
          'give at least one --a or --b filter (a side without filters is the whole log)',
          EXIT.usage,
        );
      }
      if (options.query === 'funnel' && !options.steps) {
        throw new CliError('--query funnel needs --steps "A>B>C"', EXIT.usage);
      }
      if (options.window !== undefined && !(options.window > 0)) {
        throw new CliError('--window must be a positive number of seconds', EXIT.usage);
      }
      const analytics = await import('@trailmap/analytics');
      const [a, b] = await reportingLogErrors(async () => [
        options.a.map(analytics.parseFilter),
        options.b.map(analytics.parseFilter),
      ]);
      const params: Record<string, unknown> = {};
      if (options.query === 'funnel') {
        params.steps = await reportingLogErrors(async () => analytics.parseSteps(options.steps!));
        if (options.window !== undefined) params.windowSeconds = options.window;
      }
      const top = options.top ?? (options.json ? undefined : 10);
      if (options.query === 'variants' && top !== undefined) params.limit = top;
      const log = await loadLog(source, options);
      const compared = await reportingLogErrors(async () =>
        analytics.compareQuery(log, options.query as QueryName, a!, b!, params),
      );
      const side = (label: 'a' | 'b') => {
        const { cases, events, shareOfCases, result } = compared[label] as ComparedSide<QueryName>;
        const shown = options.query === 'funnel' ? funnelJson(result as FunnelResult) : result;
        return { filters: options[label], cases, events, shareOfCases, result: shown };
      };
      if (options.json) return printJson({ query: options.query, a: side('a'), b: side('b') });
      process.stdout.write(humanComparison(options.query, compared.a, compared.b, options.a, options.b));
    });
}

type Side = ComparedSide<QueryName>;
type Row = string[];

/** Left-aligned first column, right-aligned others, two spaces apart. */
function table(rows: Row[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: Row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

function humanComparison(query: Compared, a: Side, b: Side, filtersA: string[], filtersB: string[]): string {
  const name = (filters: string[]) => (filters.length > 0 ? filters.join(' & ') : 'all cases');
  const head = `A: ${name(filtersA)}\nB: ${name(filtersB)}\n\n`;
  const sizes: Row[] = [
    ['', 'A', 'B'],
    ['cases', String(a.cases), String(b.cases)],
    ['share of cases', percent(a.shareOfCases), percent(b.shareOfCases)],
    ['events', String(a.events), String(b.events)],
  ];
  return head + table([...sizes, ...queryRows(query, a.result, b.result)]);
}

function queryRows(query: Compared, a: unknown, b: unknown): Row[] {
  switch (query) {
    case 'summary': {
      const [x, y] = [a as LogSummary, b as LogSummary];
      return [
        ['variants', String(x.variants), String(y.variants)],
        ['activities', String(x.activities), String(y.activities)],
        ['events per case (mean)', x.eventsPerCase.mean.toFixed(2), y.eventsPerCase.mean.toFixed(2)],
        ['first event', x.firstEvent ?? '-', y.firstEvent ?? '-'],
        ['last event', x.lastEvent ?? '-', y.lastEvent ?? '-'],
      ];
    }
    case 'durations': {
      const [x, y] = [(a as CaseDurations).caseDurationSeconds, (b as CaseDurations).caseDurationSeconds];
      return (['min', 'median', 'mean', 'p90', 'max'] as const).map((key) => [
        `duration ${key}`,
        humanSeconds(x[key]),
        humanSeconds(y[key]),
      ]);
    }
    case 'dfg': {
      type Edge = DirectlyFollowsGraph['edges'][number];
      const edges = new Map<string, { a?: Edge; b?: Edge }>();
      for (const edge of (a as DirectlyFollowsGraph).edges)
        edges.set(`${edge.from} -> ${edge.to}`, { a: edge });
      for (const edge of (b as DirectlyFollowsGraph).edges) {
        const key = `${edge.from} -> ${edge.to}`;
        edges.set(key, { ...edges.get(key), b: edge });
      }
      const rows = [...edges].sort(
        ([, x], [, y]) => (y.a?.count ?? 0) + (y.b?.count ?? 0) - (x.a?.count ?? 0) - (x.b?.count ?? 0),
      );
      return [
        ['', '', ''],
        ['edge', 'count A / median A', 'count B / median B'],
        ...rows.map(([key, pair]) => [
          key,
          pair.a ? `${pair.a.count} / ${humanSeconds(pair.a.medianSeconds)}` : '-',
          pair.b ? `${pair.b.count} / ${humanSeconds(pair.b.medianSeconds)}` : '-',
        ]),
      ];
    }
    case 'variants': {
      const [x, y] = [a as VariantsResult, b as VariantsResult];
      const paths = new Map<string, [string, string]>();
      const show = (variant: VariantsResult['variants'][number]) =>
        `${variant.cases} (${percent(variant.share)})`;
      for (const v of x.variants) paths.set(v.activities.join(' > '), [show(v), '-']);
      for (const v of y.variants) {
        const key = v.activities.join(' > ');
        paths.set(key, [paths.get(key)?.[0] ?? '-', show(v)]);
      }
      return [
        ['variants', String(x.variantCount), String(y.variantCount)],
        ['', '', ''],
        ['variant', 'cases A', 'cases B'],
        ...[...paths].map(([path, [inA, inB]]) => [path, inA, inB]),
      ];
    }
    case 'funnel': {
      const [x, y] = [a as FunnelResult, b as FunnelResult];
      return [
        ['', '', ''],
        ['step', 'cases A / of start / median', 'cases B / of start / median'],
        ...x.steps.map((step, i) => {
          const other = y.steps[i]!;
          const cell = (s: FunnelResult['steps'][number]) =>
            `${s.cases} / ${percent(s.conversionFromStart)} / ${humanSeconds(s.medianSecondsFromPrevious)}`;
          return [step.activity, cell(step), cell(other)];
        }),
      ];
    }
  }
}
