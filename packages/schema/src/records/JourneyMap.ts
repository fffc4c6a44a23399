import { z } from 'zod';
import { DateSchema, LongText, ShortText, TagsSchema, idOf } from '../primitives';
import type { LooseRecord, Migration } from '../migration';

export const MAP_TYPES = [
  'current-state',
  'future-state',
  'day-in-the-life',
  'service-blueprint',
  'experience-map',
] as const;
export const MapTypeSchema = z.enum(MAP_TYPES);
export type MapType = z.infer<typeof MapTypeSchema>;

export const REVIEW_CADENCES = ['none', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;

export const ReviewSchema = z.strictObject({
  cadence: z.enum(REVIEW_CADENCES),
  nextReviewDate: DateSchema.optional(),
});

/**
 * A link to the map this one is compared with, e.g. the current state a future-state map
 * redesigns. `file` is a path relative to this file, used by the CLI to check the link.
 */
export const ComparedMapSchema = z.strictObject({
  mapId: idOf('map'),
  relation: z.enum(['current-state', 'future-state', 'previous-version', 'related']),
  file: ShortText.optional(),
  title: ShortText.optional(),
});

/** The map's own record: what it is, whose point of view, and when it is due for review. */
export const JourneyMapSchema = z.strictObject({
  id: idOf('map'),
  title: ShortText.min(1, 'title cannot be empty'),
  type: MapTypeSchema,
  description: LongText.optional(),
  scenario: LongText.optional(),
  expectations: z.array(LongText).max(100).default([]),
  personaId: idOf('persona').optional(),
  tags: TagsSchema.default([]),
  review: ReviewSchema.optional(),
  compare: ComparedMapSchema.optional(),
});
export type JourneyMap = z.infer<typeof JourneyMapSchema>;

export const journeyMapMigrations: Migration[] = [
  {
    id: 'trailmap.map/2-review',
    toVersion: 2,
    description: 'A lone `reviewDate` became `review: { cadence, nextReviewDate }`',
    collection: 'map',
    up: (map: LooseRecord) => {
      const { reviewDate, ...rest } = map;
      if (reviewDate === undefined) return rest;
      return { ...rest, review: { cadence: 'quarterly', nextReviewDate: reviewDate } };
    },
  },
];
