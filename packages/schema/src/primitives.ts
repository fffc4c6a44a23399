import { z } from 'zod';

/** Record kinds and the prefix their ids carry (`stage:awareness`, `card:V1StGXR8`). */
export const ID_PREFIXES = {
  map: 'map',
  persona: 'persona',
  stage: 'stage',
  step: 'step',
  lane: 'lane',
  card: 'card',
  emotion: 'emotion',
  connection: 'conn',
  opportunity: 'opp',
  evidence: 'evidence',
  metricBinding: 'binding',
} as const;
export type RecordKind = keyof typeof ID_PREFIXES;

/** A stable string id of the form `<prefix>:<body>`; the prefix names the record kind. */
export const idOf = (kind: RecordKind) => {
  const prefix = ID_PREFIXES[kind];
  return z
    .string()
    .regex(
      new RegExp(`^${prefix}:[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`),
      `must be an id like "${prefix}:abc123" (letters, digits, "_", "-", "."; at most 64 after the colon)`,
    )
    .meta({ description: `Id of a ${kind} record, "${prefix}:" followed by 1-64 letters, digits, _ - .` });
};

/**
 * Fractional index key (the scheme of the `fractional-indexing` package): order comes from
 * comparing keys as strings, never from array position, so two people inserting at the same
 * place never collide on a position.
 */
export const IndexKeySchema = z
  .string()
  .regex(/^[A-Za-z][0-9A-Za-z]{0,63}$/, 'must be a fractional index key such as "a0" or "a0V"')
  .meta({ description: 'Fractional index key; records are ordered by (index, id).' });

export const TextSchema = (max: number) => z.string().max(max, `must be at most ${max} characters`);
export const ShortText = TextSchema(200);
export const LongText = TextSchema(5000);

/** Calendar date, `YYYY-MM-DD`. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real calendar date',
  );

export const ColorSchema = z
  .enum(['yellow', 'orange', 'red', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'])
  .meta({ description: 'Sticky-note color; themes map these names to real colors.' });

export const TagsSchema = z.array(TextSchema(40).min(1, 'tags cannot be empty')).max(50, 'at most 50 tags');

export const EvidenceIdsSchema = z.array(idOf('evidence')).max(100, 'at most 100 evidence links');
