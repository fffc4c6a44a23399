import type { Dfg } from './types';

/** A directly-follows graph cut down to what the frequency slider lets through. */
export interface VisibleDfg {
  activities: { name: string; count: number }[];
  edges: { from: string; to: string; count: number }[];
  start: { name: string; count: number }[];
  end: { name: string; count: number }[];
}

const byCountThenName = (a: { name: string; count: number }, b: { name: string; count: number }) =>
  b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Keeps activities seen at least `minCount` times, and edges (also from the start and to the end)
 * taken at least `minCount` times between kept activities.
 */
export function filterDfg(dfg: Dfg, minCount: number): VisibleDfg {
  const activities = Object.entries(dfg.activities)
    .map(([name, count]) => ({ name, count }))
    .filter((activity) => activity.count >= minCount)
    .sort(byCountThenName);
  const kept = new Set(activities.map((activity) => activity.name));
  const ends = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([name, count]) => ({ name, count }))
      .filter((entry) => kept.has(entry.name) && entry.count >= minCount)
      .sort(byCountThenName);
  return {
    activities,
    edges: dfg.edges
      .filter((edge) => edge.count >= minCount && kept.has(edge.from) && kept.has(edge.to))
      .map(({ from, to, count }) => ({ from, to, count })),
    start: ends(dfg.start),
    end: ends(dfg.end),
  };
}

/** The distinct counts the slider can stop at (each one hides something more), ascending. */
export function sliderStops(dfg: Dfg): number[] {
  const counts = new Set<number>([
    ...Object.values(dfg.activities),
    ...dfg.edges.map((edge) => edge.count),
    ...Object.values(dfg.start),
    ...Object.values(dfg.end),
  ]);
  return [...counts].filter((count) => count > 0).sort((a, b) => a - b);
}
