import { z } from 'zod';
import { PersonaSchema } from '@trailmap/schema';
import { patchMap, put, type Op } from '../../ops';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';

export const addPersona = defineCommand({
  id: 'persona.add',
  summary: 'Add a persona; it becomes the map’s point of view when the map has none yet',
  input: PersonaSchema.omit({ id: true }).extend({
    id: chosenId('persona'),
    makePrimary: z.boolean().optional().describe('Default: true when the map has no persona yet'),
  }),
  history: 'record',
  run: (doc, { id: requested, makePrimary, ...fields }, ctx) => {
    const id = allocateId(doc, 'persona', ctx, requested);
    const ops: Op[] = [put('personas', definedOnly({ ...fields, id }))];
    if (makePrimary ?? doc.map.personaId === undefined) ops.push(patchMap({ personaId: id }));
    return ops;
  },
});
