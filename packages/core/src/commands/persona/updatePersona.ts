import { z } from 'zod';
import { PersonaSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const persona = PersonaSchema.shape;

export const updatePersona = defineCommand({
  id: 'persona.update',
  summary: 'Edit a persona (name, role, quote, goals, needs, frustrations, context…)',
  input: z.strictObject({
    id: persona.id,
    name: persona.name.optional(),
    role: clearable(persona.role.unwrap()),
    avatar: clearable(persona.avatar.unwrap()),
    quote: clearable(persona.quote.unwrap()),
    description: clearable(persona.description.unwrap()),
    goals: persona.goals.unwrap().optional(),
    needs: persona.needs.unwrap().optional(),
    frustrations: persona.frustrations.unwrap().optional(),
    context: persona.context.unwrap().optional(),
    libraryId: clearable(persona.libraryId.unwrap()),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'personas', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('personas', id, changes)];
  },
});
