import { stringify } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, JourneySchema, ORDERED_COLLECTIONS, type Journey } from '@trailmap/schema';
import { compareByIndex } from '../ordering';

/**
 * How to write one value canonically, compiled once from the zod schema: objects list their keys
 * in the schema's field order (with defaults to fill in), lists and maps recurse into their items.
 */
type Plan =
  | { kind: 'object'; fields: { key: string; plan: Plan; fallback?: () => unknown }[] }
  | { kind: 'array'; item: Plan }
  | { kind: 'record'; value: Plan }
  | { kind: 'leaf' };

interface ZodDefinition {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
}

const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDefinition } })._zod.def;

function compile(schema: z.ZodType): { plan: Plan; fallback?: () => unknown } {
  const def = definitionOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'readonly':
      return { plan: compile(def.innerType!).plan };
    case 'default':
    case 'prefault': {
      const initial = def.defaultValue;
      return { plan: compile(def.innerType!).plan, fallback: () => structuredClone(initial) };
    }
    case 'pipe':
      return compile(def.in!);
    case 'array':
      return { plan: { kind: 'array', item: compile(def.element!).plan } };
    case 'record':
      return { plan: { kind: 'record', value: compile(def.valueType!).plan } };
    case 'object':
      return {
        plan: {
          kind: 'object',
          fields: Object.entries(def.shape!).map(([key, field]) => ({ key, ...compile(field) })),
        },
      };
    default:
      return { plan: { kind: 'leaf' } };
  }
}

function write(value: unknown, plan: Plan): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (plan.kind === 'array' && Array.isArray(value)) return value.map((item) => write(item, plan.item));
  if (plan.kind === 'record') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = write(item, plan.value);
    return out;
  }
  if (plan.kind === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of plan.fields) {
      const item = source[field.key];
      if (item !== undefined) out[field.key] = write(item, field.plan);
      else if (field.fallback) out[field.key] = field.fallback();
    }
    return out;
  }
  return structuredClone(value);
}

let documentPlan: Extract<Plan, { kind: 'object' }> | undefined;
const planOfDocument = () =>
  (documentPlan ??= compile(JourneySchema as unknown as z.ZodType).plan as Extract<Plan, { kind: 'object' }>);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const isOrdered = (collection: string) => (ORDERED_COLLECTIONS as readonly string[]).includes(collection);

/**
 * The canonical form of a document: keys in the schema's field order, missing defaults filled
 * in, `undefined` fields dropped, and records sorted — ordered collections (stages, steps, lanes,
 * cards, opportunities) by `(index, id)`, the others by id. Lists inside records (tags, evidence
 * links) keep their order. Never mutates its input.
 */
export function canonicalize(doc: Journey): Journey {
  const plan = planOfDocument();
  const out = write(doc, plan) as Record<string, unknown>;
  for (const collection of COLLECTIONS) {
    const records = out[collection] as { id: string; index?: string }[] | undefined;
    if (!records) continue;
    records.sort(isOrdered(collection) ? (compareByIndex as typeof byId) : byId);
  }
  return out as Journey;
}

/**
 * Canonical JSON text (`*.journey.json`): 2-space indent, trailing newline. Equal documents give
 * byte-equal text, and a one-card edit changes one contiguous block, i.e. one git hunk.
 */
export const toCanonicalJson = (doc: Journey): string => `${JSON.stringify(canonicalize(doc), null, 2)}\n`;

/**
 * Readable YAML (`*.journey.yaml`) with the same canonical content as {@link toCanonicalJson}.
 * Written with YAML 1.1 quoting rules (`"yes"`, `"2026-01-05"` stay quoted), so tools that still
 * read YAML 1.1 see the same strings; Trailmap itself reads YAML 1.2.
 */
export const toYaml = (doc: Journey): string =>
  stringify(canonicalize(doc), {
    indent: 2,
    lineWidth: 100,
    minContentWidth: 40,
    aliasDuplicateObjects: false,
    version: '1.1',
  });
