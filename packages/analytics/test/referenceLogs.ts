import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { CaseDurations, DirectlyFollowsGraph, VariantsResult } from '../src/index';

/** The shared event logs with pm4py results: /work/shared/data/eventlogs, i.e. ../shared from the repo. */
export const EVENTLOG_DIR = resolve(import.meta.dirname, '../../../../shared/data/eventlogs');
export const hasEventLogs = existsSync(EVENTLOG_DIR);
if (!hasEventLogs) console.warn(`skipping pm4py reference tests: ${EVENTLOG_DIR} is absent`);

export interface Reference {
  name: string;
  file: string;
  cases: number;
  events: number;
  activities: Record<string, number>;
  start: Record<string, number>;
  end: Record<string, number>;
  edges: { from: string; to: string; count: number; meanSeconds: number }[];
  variants: { activities: string[]; cases: number }[];
  variantCount: number;
  caseDurationSeconds: { min: number; median: number; mean: number; max: number };
}

export const references = (): Reference[] =>
  hasEventLogs
    ? readdirSync(EVENTLOG_DIR)
        .filter((file) => file.endsWith('.reference.json'))
        .sort()
        .map((file) => JSON.parse(readFileSync(join(EVENTLOG_DIR, file), 'utf8')) as Reference)
    : [];

const close = (actual: number | null, expected: number, label: string) => {
  const tolerance = 1e-9 * Math.max(Math.abs(expected), Number.MIN_VALUE);
  if (actual === null || Math.abs(actual - expected) > tolerance) {
    expect.fail(`${label}: ${actual} is not within 1e-9 relative of ${expected}`);
  }
};

/** Asserts exact agreement with pm4py: counts and names equal, seconds within 1e-9 relative. */
export function expectMatchesReference(
  ref: Reference,
  dfg: DirectlyFollowsGraph,
  top: VariantsResult,
  durations: CaseDurations,
): void {
  expect(dfg.cases).toBe(ref.cases);
  expect(dfg.events).toBe(ref.events);
  expect(dfg.activities).toEqual(ref.activities);
  expect(dfg.start).toEqual(ref.start);
  expect(dfg.end).toEqual(ref.end);
  expect(dfg.edges.map(({ from, to, count }) => ({ from, to, count }))).toEqual(
    ref.edges.map(({ from, to, count }) => ({ from, to, count })),
  );
  dfg.edges.forEach((edge, i) =>
    close(edge.meanSeconds, ref.edges[i]!.meanSeconds, `${edge.from} -> ${edge.to}`),
  );
  expect(top.variantCount).toBe(ref.variantCount);
  expect(top.variants.slice(0, 20).map(({ activities, cases }) => ({ activities, cases }))).toEqual(
    ref.variants,
  );
  expect(durations.cases).toBe(ref.cases);
  for (const key of ['min', 'median', 'mean', 'max'] as const) {
    close(durations.caseDurationSeconds[key], ref.caseDurationSeconds[key], `caseDurationSeconds.${key}`);
  }
}
