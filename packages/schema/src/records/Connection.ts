import { z } from 'zod';
import { ShortText, idOf } from '../primitives';
import type { Migration } from '../migration';

export const CONNECTION_KINDS = [
  'direct',
  'bidirectional',
  'controlled-evaluation',
  'open-exploration',
] as const;

/** How the customer moves from one touchpoint card to another. */
export const ConnectionSchema = z.strictObject({
  id: idOf('connection'),
  fromCardId: idOf('card'),
  toCardId: idOf('card'),
  kind: z.enum(CONNECTION_KINDS),
  label: ShortText.optional(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const connectionMigrations: Migration[] = [];
