import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patchMap, remove, type Op } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const removePersona = defineCommand({
  id: 'persona.remove',
  summary: 'Remove a persona; a map that used it as its point of view is left without one',
  input: z.strictObject({ id: idOf('persona') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'personas', id);
    const ops: Op[] = [];
    if (doc.map.personaId === id) ops.push(patchMap({ personaId: undefined }));
    ops.push(remove('personas', id));
    return ops;
  },
});
