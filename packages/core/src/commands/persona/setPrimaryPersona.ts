import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patchMap } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const setPrimaryPersona = defineCommand({
  id: 'persona.set-primary',
  summary: 'Choose the persona whose point of view the map shows (null: none)',
  input: z.strictObject({ id: idOf('persona').nullable() }),
  history: 'record',
  run: (doc, { id }) => {
    if (id !== null) requireRecord(doc, 'personas', id);
    if ((doc.map.personaId ?? null) === id) return [];
    return [patchMap({ personaId: id ?? undefined })];
  },
});
