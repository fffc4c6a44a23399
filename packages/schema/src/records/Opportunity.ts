import { z } from 'zod';
import {
  DateSchema,
  EvidenceIdsSchema,
  IndexKeySchema,
  LongText,
  ShortText,
  TagsSchema,
  idOf,
} from '../primitives';
import type { Migration } from '../migration';

export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'in-progress', 'done', 'dropped'] as const;

export const BudgetSchema = z.strictObject({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
});

/** An idea that answers one or more pain points, with what an action plan needs. */
export const OpportunitySchema = z.strictObject({
  id: idOf('opportunity'),
  stageId: idOf('stage'),
  index: IndexKeySchema,
  title: ShortText.min(1, 'title cannot be empty'),
  description: LongText.optional(),
  problemCardIds: z
    .array(idOf('card'))
    .max(100)
    .default([])
    .meta({ description: 'Pain-point cards this answers' }),
  owner: ShortText.optional(),
  kpi: ShortText.optional(),
  baseline: ShortText.optional(),
  target: ShortText.optional(),
  deadline: DateSchema.optional(),
  budget: BudgetSchema.optional(),
  status: z.enum(OPPORTUNITY_STATUSES).default('idea'),
  votes: z.number().int().nonnegative().default(0),
  tags: TagsSchema.default([]),
  evidenceIds: EvidenceIdsSchema.default([]),
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

export const opportunityMigrations: Migration[] = [];
