import { z } from 'zod';
import { IndexKeySchema, LongText, ShortText, idOf } from '../primitives';
import type { Migration } from '../migration';

/** An optional sub-column within a stage. */
export const StepSchema = z.strictObject({
  id: idOf('step'),
  stageId: idOf('stage'),
  index: IndexKeySchema,
  name: ShortText.min(1, 'name cannot be empty'),
  description: LongText.optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const stepMigrations: Migration[] = [];
