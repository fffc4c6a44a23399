import { z } from 'zod';
import { IndexKeySchema, ShortText, idOf } from '../primitives';
import type { Migration } from '../migration';

export const LANE_KINDS = [
  'actions',
  'thoughts',
  'emotions',
  'touchpoints',
  'channels',
  'pain-points',
  'opportunities',
  'moments-of-truth',
  'frontstage',
  'backstage',
  'support',
  'evidence',
  'metrics',
  'custom',
] as const;
export const LaneKindSchema = z.enum(LANE_KINDS);
export type LaneKind = z.infer<typeof LaneKindSchema>;

/**
 * Service-blueprint lines drawn above a lane: interaction (customer | frontstage),
 * visibility (what the customer sees | what they do not), internal interaction (backstage | support).
 */
export const BLUEPRINT_LINES = ['interaction', 'visibility', 'internal-interaction'] as const;

/** A row of the map. */
export const LaneSchema = z.strictObject({
  id: idOf('lane'),
  index: IndexKeySchema,
  kind: LaneKindSchema,
  label: ShortText.min(1, 'label cannot be empty'),
  lineAbove: z.enum(BLUEPRINT_LINES).optional(),
  collapsed: z.boolean().optional(),
});
export type Lane = z.infer<typeof LaneSchema>;

export const laneMigrations: Migration[] = [];
