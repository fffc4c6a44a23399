import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { remove } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const removeConnection = defineCommand({
  id: 'connection.remove',
  summary: 'Remove a connection between two cards',
  input: z.strictObject({ id: idOf('connection') }),
  history: 'record',
  run: (doc, { id }) => {
    requireRecord(doc, 'connections', id);
    return [remove('connections', id)];
  },
});
