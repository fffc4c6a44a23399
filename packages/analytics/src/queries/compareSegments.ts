import { caseCount, eventCount, type EventLog } from '../model/EventLog';
import { caseDurations, type CaseDurations } from './caseDurations';
import { applyFilters, type Filter } from './filters';
import { runQuery, type QueryName, type QueryResult } from './registry';
import { summary, type LogSummary } from './summary';
import { variants, type VariantsResult } from './variants';

export interface SegmentSide {
  filters: Filter[];
  summary: LogSummary;
  durations: CaseDurations;
  variants: VariantsResult;
  /** Share of all cases of the unfiltered log that fall in this segment. */
  shareOfCases: number;
}

/** Two filtered views of one log side by side (e.g. `segment=new` vs `segment=returning`). */
export function compareSegments(
  log: EventLog,
  a: readonly Filter[],
  b: readonly Filter[],
  options: { topVariants?: number } = {},
): { a: SegmentSide; b: SegmentSide } {
  const total = log.caseStart.length - 1;
  const side = (filters: readonly Filter[]): SegmentSide => {
    const subset = applyFilters(log, filters);
    const cases = subset.caseStart.length - 1;
    return {
      filters: [...filters],
      summary: summary(subset),
      durations: caseDurations(subset),
      variants: variants(subset, { limit: options.topVariants ?? 10 }),
      shareOfCases: total === 0 ? 0 : cases / total,
    };
  };
  return { a: side(a), b: side(b) };
}

export interface ComparedSide<Q extends QueryName> {
  filters: Filter[];
  cases: number;
  events: number;
  /** Share of all cases of the unfiltered log that fall in this segment. */
  shareOfCases: number;
  result: QueryResult<Q>;
}

/**
 * One named query run on two filtered views of a log (segment comparison for any query). `params`
 * are the query's own parameters (e.g. funnel steps), validated as {@link runQuery} does.
 */
export function compareQuery<Q extends QueryName>(
  log: EventLog,
  name: Q,
  a: readonly Filter[],
  b: readonly Filter[],
  params: Record<string, unknown> = {},
): { query: Q; a: ComparedSide<Q>; b: ComparedSide<Q> } {
  const total = caseCount(log);
  const side = (filters: readonly Filter[]): ComparedSide<Q> => {
    const subset = applyFilters(log, filters);
    return {
      filters: [...filters],
      cases: caseCount(subset),
      events: eventCount(subset),
      shareOfCases: total === 0 ? 0 : caseCount(subset) / total,
      result: runQuery(subset, name, params),
    };
  };
  return { query: name, a: side(a), b: side(b) };
}
