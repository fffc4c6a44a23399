import type { EventLog } from '../model/EventLog';
import { caseDurations, type CaseDurations } from './caseDurations';
import { applyFilters, type Filter } from './filters';
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
