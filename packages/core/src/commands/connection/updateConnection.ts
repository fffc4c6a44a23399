import { z } from 'zod';
import { ConnectionSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const connection = ConnectionSchema.shape;

export const updateConnection = defineCommand({
  id: 'connection.update',
  summary: 'Change the kind or label of a connection',
  input: z.strictObject({
    id: connection.id,
    kind: connection.kind.optional(),
    label: clearable(connection.label.unwrap()),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'connections', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('connections', id, changes)];
  },
});
