import { z } from 'zod';
import {
  ColorSchema,
  EvidenceIdsSchema,
  IndexKeySchema,
  ShortText,
  TagsSchema,
  TextSchema,
  idOf,
} from '../primitives';
import type { LooseRecord, Migration } from '../migration';

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CHANNELS = [
  'web',
  'app',
  'store',
  'phone',
  'email',
  'chat',
  'social',
  'sms',
  'mail',
  'in-person',
  'partner',
  'advertising',
  'product',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS);

/** A sticky note in one cell (lane × stage, optionally × step). */
export const CardSchema = z.strictObject({
  id: idOf('card'),
  laneId: idOf('lane'),
  stageId: idOf('stage'),
  stepId: idOf('step').optional(),
  index: IndexKeySchema,
  text: TextSchema(2000),
  color: ColorSchema.optional(),
  tags: TagsSchema.default([]),
  priority: z.enum(PRIORITIES).optional(),
  owner: ShortText.optional(),
  channel: ChannelSchema.optional().meta({
    description: 'For touchpoint cards: where the interaction happens',
  }),
  evidenceIds: EvidenceIdsSchema.default([]),
});
export type Card = z.infer<typeof CardSchema>;

export const cardMigrations: Migration[] = [
  {
    id: 'trailmap.card/2-tags',
    toVersion: 2,
    description: 'A single `tag` string became a `tags` list',
    collection: 'cards',
    up: (card: LooseRecord) => {
      const { tag, ...rest } = card;
      if (tag === undefined) return rest;
      const existing = Array.isArray(rest.tags) ? rest.tags : [];
      return { ...rest, tags: [tag, ...existing.filter((other) => other !== tag)] };
    },
  },
];
