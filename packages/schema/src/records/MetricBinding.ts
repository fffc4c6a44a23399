import { z } from 'zod';
import { ShortText, TextSchema, idOf } from '../primitives';
import type { Migration } from '../migration';

/** Which events of a dataset count as "being in" a stage, step or touchpoint. */
export const EventRuleSchema = z.strictObject({
  activities: z.array(TextSchema(500)).min(1, 'list at least one activity').max(500),
  attribute: z.strictObject({ key: ShortText, value: TextSchema(500) }).optional(),
});

/** Binds a map element to measured data; the analytics engine fills in the numbers. */
export const MetricBindingSchema = z.strictObject({
  id: idOf('metricBinding'),
  targetId: z.string().regex(/^(stage|step|card):/, 'must be the id of a stage, step or card'),
  dataset: ShortText.optional(),
  rule: EventRuleSchema,
  deletedAt: z.iso.datetime({ offset: true }).optional(),
});
export type MetricBinding = z.infer<typeof MetricBindingSchema>;

export const metricBindingMigrations: Migration[] = [];
