import { z } from 'zod';
import { DateSchema, LongText, ShortText, TextSchema, idOf } from '../primitives';
import type { Migration } from '../migration';

export const EVIDENCE_SOURCES = [
  'interview',
  'survey',
  'analytics',
  'support',
  'observation',
  'assumption',
] as const;
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;

/**
 * Where a claim on the map comes from. Tombstoned (`deletedAt`) rather than removed because
 * cards elsewhere may still point at it.
 */
export const EvidenceSchema = z.strictObject({
  id: idOf('evidence'),
  source: z.enum(EVIDENCE_SOURCES),
  title: ShortText.optional(),
  quote: LongText.optional(),
  url: TextSchema(2000).optional(),
  date: DateSchema.optional(),
  confidence: z.enum(CONFIDENCE_LEVELS).default('medium'),
  query: LongText.optional().meta({ description: 'For analytics evidence: the query that produced it' }),
  deletedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const evidenceMigrations: Migration[] = [];
