import { z } from 'zod';
import { IndexKeySchema, LongText, ShortText, idOf } from '../primitives';
import type { Migration } from '../migration';

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;

/** How long a stage typically takes: a range in one unit ("2-3 weeks"). */
export const DurationSchema = z
  .strictObject({
    min: z.number().nonnegative(),
    max: z.number().nonnegative().optional(),
    unit: z.enum(DURATION_UNITS),
  })
  .refine((duration) => duration.max === undefined || duration.max >= duration.min, {
    message: 'max must not be smaller than min',
    path: ['max'],
  });

/** A column of the map: one phase of the journey. */
export const StageSchema = z.strictObject({
  id: idOf('stage'),
  index: IndexKeySchema,
  name: ShortText.min(1, 'name cannot be empty'),
  goal: LongText.optional(),
  description: LongText.optional(),
  duration: DurationSchema.optional(),
});
export type Stage = z.infer<typeof StageSchema>;

export const stageMigrations: Migration[] = [];
