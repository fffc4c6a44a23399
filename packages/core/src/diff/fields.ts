import {
  CardSchema,
  ConnectionSchema,
  EvidenceSchema,
  JourneyMapSchema,
  LaneSchema,
  MetricBindingSchema,
  OpportunitySchema,
  PersonaSchema,
  StageSchema,
  StepSchema,
} from '@trailmap/schema';
import type { DiffCollection, FieldChange } from './types';

/** Field order of each record type, taken from its schema so diffs read like the document. */
export const FIELD_ORDER: Record<DiffCollection | 'map', string[]> = {
  map: Object.keys(JourneyMapSchema.shape),
  personas: Object.keys(PersonaSchema.shape),
  stages: Object.keys(StageSchema.shape),
  steps: Object.keys(StepSchema.shape),
  lanes: Object.keys(LaneSchema.shape),
  cards: Object.keys(CardSchema.shape),
  connections: Object.keys(ConnectionSchema.shape),
  opportunities: Object.keys(OpportunitySchema.shape),
  evidence: Object.keys(EvidenceSchema.shape),
  metricBindings: Object.keys(MetricBindingSchema.shape),
};

/** JSON with sorted object keys, so equal values always compare equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Fields whose values differ between two versions of a record, in schema order (unknown fields
 * last, alphabetically). A field missing on one side has no `before` or `after` key.
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  order: string[],
  skip: readonly string[] = [],
): FieldChange[] {
  const known = new Set(order);
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !known.has(key))
    .sort();
  const changes: FieldChange[] = [];
  for (const field of [...order, ...extra]) {
    if (skip.includes(field)) continue;
    const x = before[field];
    const y = after[field];
    if (x === y) continue;
    const isComposite = typeof x === 'object' && typeof y === 'object' && x !== null && y !== null;
    if (isComposite && stableJson(x) === stableJson(y)) continue;
    changes.push({
      field,
      ...(x === undefined ? {} : { before: x }),
      ...(y === undefined ? {} : { after: y }),
    });
  }
  return changes;
}
