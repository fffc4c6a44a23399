import type { Journey } from '@trailmap/schema';
import { caseCount, type EventLog } from '../model/EventLog';
import { compareSequences } from '../queries/variants';
import { boundStages, stageOfEvents } from './stageRules';

export interface ConformanceResult {
  stages: { id: string; name: string }[];
  cases: number;
  /** Cases with at least one event bound to a stage. */
  mappedCases: number;
  unmappedCases: number;
  /** Cases whose stage path is exactly the designed order from the first stage (stopping early is allowed). */
  followingDesign: { cases: number; share: number };
  /** Per stage: cases that reached a later stage without passing through it. */
  skipped: { stageId: string; name: string; cases: number }[];
  /** Cases that went back to an earlier stage, and the backward moves. */
  backtracks: { cases: number; transitions: { from: string; to: string; count: number }[] };
  /** The most common stage paths that differ from the design. */
  unexpectedPaths: { stages: string[]; cases: number; share: number }[];
}

/**
 * Conformance of real paths to the designed stage order. Each case becomes its path of stages
 * (events mapped through the bindings, repeats collapsed); shares are of mapped cases.
 */
export function conformance(
  log: EventLog,
  journey: Journey,
  options: { topPaths?: number } = {},
): ConformanceResult {
  const stages = boundStages(journey);
  const stageOf = stageOfEvents(log, stages);
  const cases = caseCount(log);
  const skipped = new Float64Array(stages.length);
  const backward = new Map<string, number>();
  const otherPaths = new Map<string, number>();
  let mapped = 0;
  let following = 0;
  let backtrackCases = 0;
  const visited = new Uint8Array(stages.length);
  for (let c = 0; c < cases; c++) {
    const path: number[] = [];
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      const s = stageOf[e]!;
      if (s >= 0 && path[path.length - 1] !== s) path.push(s);
    }
    if (path.length === 0) continue;
    mapped++;
    visited.fill(0);
    let isBacktracking = false;
    let isInOrder = path[0] === 0;
    let furthest = 0;
    for (let k = 0; k < path.length; k++) {
      const s = path[k]!;
      visited[s] = 1;
      if (s > furthest) furthest = s;
      if (k > 0) {
        const previous = path[k - 1]!;
        if (s !== previous + 1) isInOrder = false;
        if (s < previous) {
          isBacktracking = true;
          const key = `${previous}>${s}`;
          backward.set(key, (backward.get(key) ?? 0) + 1);
        }
      }
    }
    for (let s = 0; s < furthest; s++) if (!visited[s]) skipped[s]!++;
    if (isBacktracking) backtrackCases++;
    if (isInOrder) following++;
    else {
      const key = path.join('>');
      otherPaths.set(key, (otherPaths.get(key) ?? 0) + 1);
    }
  }
  const share = (n: number) => (mapped === 0 ? 0 : n / mapped);
  const nameOf = (s: number) => stages[s]!.name;
  return {
    stages: stages.map(({ id, name }) => ({ id, name })),
    cases,
    mappedCases: mapped,
    unmappedCases: cases - mapped,
    followingDesign: { cases: following, share: share(following) },
    skipped: stages.map((stage, s) => ({ stageId: stage.id, name: stage.name, cases: skipped[s]! })),
    backtracks: {
      cases: backtrackCases,
      transitions: [...backward]
        .map(([key, count]) => {
          const [from, to] = key.split('>').map(Number);
          return { from: nameOf(from!), to: nameOf(to!), count };
        })
        .sort(
          (a, b) => b.count - a.count || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1),
        ),
    },
    unexpectedPaths: [...otherPaths]
      .map(([key, count]) => ({
        stages: key.split('>').map((s) => nameOf(Number(s))),
        cases: count,
        share: share(count),
      }))
      .sort((a, b) => b.cases - a.cases || compareSequences(a.stages, b.stages))
      .slice(0, options.topPaths ?? 10),
  };
}
