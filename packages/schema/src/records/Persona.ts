import { z } from 'zod';
import { LongText, ShortText, TextSchema, idOf } from '../primitives';
import type { Migration } from '../migration';

const ListOfText = z.array(TextSchema(1000)).max(100).default([]);

/** The point of view of a map; workspaces keep a library of them (`libraryId` links a copy to it). */
export const PersonaSchema = z.strictObject({
  id: idOf('persona'),
  name: ShortText.min(1, 'name cannot be empty'),
  role: ShortText.optional(),
  avatar: TextSchema(16).optional().meta({ description: 'An emoji or short initials' }),
  quote: LongText.optional(),
  description: LongText.optional(),
  goals: ListOfText,
  needs: ListOfText,
  frustrations: ListOfText,
  context: z
    .record(TextSchema(60), TextSchema(1000))
    .default({})
    .meta({ description: 'Context attributes such as age, device, location' }),
  libraryId: ShortText.optional(),
});
export type Persona = z.infer<typeof PersonaSchema>;

export const personaMigrations: Migration[] = [];
