import { z } from 'zod';
import { caseCount, selectEvents, type EventLog } from '../model/EventLog';
import { parseTimestamp } from '../import/timestamp';
import { TrailmapError } from '@trailmap/schema';

/**
 * One filter. Case filters keep or drop whole cases; `timeRange` keeps cases that start inside
 * `[from, to)`; `attribute` keeps cases with at least one event whose attribute equals the value
 * (`scope: 'event'` keeps only those events); `segment` is `attribute` on the `segment` column.
 */
export const FilterSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('timeRange'), from: z.string().optional(), to: z.string().optional() }),
  z.strictObject({
    kind: z.literal('attribute'),
    key: z.string().min(1),
    value: z.string(),
    scope: z.enum(['case', 'event']).default('case'),
  }),
  z.strictObject({ kind: z.literal('segment'), value: z.string() }),
  z.strictObject({ kind: z.literal('contains'), activity: z.string().min(1) }),
  z.strictObject({ kind: z.literal('notContains'), activity: z.string().min(1) }),
]);
export type Filter = z.input<typeof FilterSchema>;

const badFilter = (message: string) => new TrailmapError('INVALID_FILTER', message, { status: 400 });

/**
 * Parses the CLI form of a filter: `from=ISO`, `to=ISO`, `segment=V`, `contains=A`, `lacks=A`,
 * `KEY=V` (cases with an event where attribute KEY is V) or `event:KEY=V` (only those events).
 */
export function parseFilter(text: string): Filter {
  const at = text.indexOf('=');
  if (at <= 0) throw badFilter(`filter "${text}" must look like KEY=VALUE`);
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1);
  if (key === 'from') return { kind: 'timeRange', from: value };
  if (key === 'to') return { kind: 'timeRange', to: value };
  if (key === 'segment') return { kind: 'segment', value };
  if (key === 'contains') return { kind: 'contains', activity: value };
  if (key === 'lacks' || key === '!contains') return { kind: 'notContains', activity: value };
  if (key.startsWith('event:')) return { kind: 'attribute', key: key.slice(6), value, scope: 'event' };
  return { kind: 'attribute', key, value, scope: 'case' };
}

const instant = (value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const micros = parseTimestamp(value);
  if (Number.isNaN(micros)) throw badFilter(`cannot read the time "${value}" in a filter`);
  return micros;
};

/** Applies filters in order; each one narrows the result of the previous. */
export function applyFilters(log: EventLog, filters: readonly Filter[]): EventLog {
  let current = log;
  for (const raw of filters) current = applyFilter(current, FilterSchema.parse(raw));
  return current;
}

function applyFilter(log: EventLog, filter: z.output<typeof FilterSchema>): EventLog {
  const cases = caseCount(log);
  const keepCase = new Uint8Array(cases);
  const { caseStart, activity } = log;
  if (filter.kind === 'timeRange') {
    const from = instant(filter.from, -Infinity);
    const to = instant(filter.to, Infinity);
    for (let c = 0; c < cases; c++) {
      const t = log.time[caseStart[c]!]!;
      keepCase[c] = t >= from && t < to ? 1 : 0;
    }
    return selectEvents(log, keepCase);
  }
  if (filter.kind === 'contains' || filter.kind === 'notContains') {
    const code = log.activities.indexOf(filter.activity);
    const wanted = filter.kind === 'contains' ? 1 : 0;
    for (let c = 0; c < cases; c++) {
      let found = 0;
      if (code >= 0) {
        for (let e = caseStart[c]!; e < caseStart[c + 1]!; e++) {
          if (activity[e] === code) {
            found = 1;
            break;
          }
        }
      }
      keepCase[c] = found === wanted ? 1 : 0;
    }
    return selectEvents(log, keepCase);
  }
  const key = filter.kind === 'segment' ? 'segment' : filter.key;
  const column = log.attributes.get(key);
  if (!column) {
    const known = [...log.attributes.keys()].join(', ') || '(none)';
    throw badFilter(`the log has no attribute "${key}"; attributes: ${known}`);
  }
  const code = column.values.indexOf(filter.value);
  const isEventScope = filter.kind === 'attribute' && filter.scope === 'event';
  const keepEvent = isEventScope ? new Uint8Array(activity.length) : undefined;
  for (let c = 0; c < cases; c++) {
    for (let e = caseStart[c]!; e < caseStart[c + 1]!; e++) {
      if (code < 0 || column.codes[e] !== code) continue;
      keepCase[c] = 1;
      if (!keepEvent) break;
      keepEvent[e] = 1;
    }
  }
  return selectEvents(log, keepCase, keepEvent);
}
