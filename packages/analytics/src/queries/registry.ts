import { z } from 'zod';
import { issuesFromZod, validationFailed } from '@trailmap/schema';
import type { EventLog } from '../model/EventLog';
import { caseDurations } from './caseDurations';
import { directlyFollows } from './directlyFollows';
import { applyFilters, FilterSchema } from './filters';
import { funnel, FunnelParamsSchema } from './funnel';
import { rework } from './rework';
import { summary } from './summary';
import { variants } from './variants';

const WithFilters = { filters: z.array(FilterSchema).default([]) };

/**
 * Every named query with its parameter schema, so a server can validate `{ query, params }` from
 * a request and run it on a loaded dataset.
 */
export const QUERIES = {
  summary: { params: z.strictObject(WithFilters), run: (log: EventLog) => summary(log) },
  dfg: { params: z.strictObject(WithFilters), run: (log: EventLog) => directlyFollows(log) },
  variants: {
    params: z.strictObject({ ...WithFilters, limit: z.number().int().positive().optional() }),
    run: (log: EventLog, params: { limit?: number }) => variants(log, { limit: params.limit }),
  },
  durations: { params: z.strictObject(WithFilters), run: (log: EventLog) => caseDurations(log) },
  funnel: {
    params: FunnelParamsSchema.extend(WithFilters),
    run: (log: EventLog, params: { steps: string[]; windowSeconds?: number }) => funnel(log, params),
  },
  rework: { params: z.strictObject(WithFilters), run: (log: EventLog) => rework(log) },
} as const;

export type QueryName = keyof typeof QUERIES;
export type QueryResult<Q extends QueryName> = ReturnType<(typeof QUERIES)[Q]['run']>;

/**
 * Validates parameters, applies the filters, runs the query.
 * @throws TrailmapError VALIDATION_FAILED (422) with located issues for bad parameters
 */
export function runQuery<Q extends QueryName>(log: EventLog, name: Q, params: unknown = {}): QueryResult<Q> {
  const query = QUERIES[name];
  const result = query.params.safeParse(params);
  if (!result.success)
    throw validationFailed(`invalid parameters for the ${name} query`, issuesFromZod(result.error));
  // Filters are this function's business; each query gets only its own parameters.
  const { filters, ...own } = result.data as { filters: z.input<typeof FilterSchema>[] } & Record<
    string,
    unknown
  >;
  const filtered = filters.length > 0 ? applyFilters(log, filters) : log;
  return (query.run as (log: EventLog, params: unknown) => QueryResult<Q>)(filtered, own);
}
