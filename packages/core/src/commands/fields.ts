import type { z } from 'zod';
import { idOf, type RecordKind } from '@trailmap/schema';

/** An optional field in an update input: absent = unchanged, `null` = cleared. */
export const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** An id the caller may choose (imports, scripts, optimistic UIs); generated when absent. */
export const chosenId = (kind: RecordKind) =>
  idOf(kind).optional().describe('Use this id instead of a generated one (must be unused)');

/**
 * Turns an update input into patch changes: absent keys are left alone and `null` becomes
 * `undefined`, which `patch` applies as "remove the field".
 */
export function changesFrom(input: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) changes[key] = value === null ? undefined : value;
  }
  return changes;
}

/** Drops keys whose value is undefined, so new records never carry `key: undefined`. */
export function definedOnly<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as T;
}
