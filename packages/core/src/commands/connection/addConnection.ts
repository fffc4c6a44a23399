import { z } from 'zod';
import { ConnectionSchema, TrailmapError, conflict } from '@trailmap/schema';
import { put } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';

const connection = ConnectionSchema.shape;

export const addConnection = defineCommand({
  id: 'connection.add',
  summary: 'Connect two touchpoint cards (direct, bidirectional, controlled evaluation, open exploration)',
  input: z.strictObject({
    fromCardId: connection.fromCardId,
    toCardId: connection.toCardId,
    kind: connection.kind.default('direct'),
    label: connection.label,
    id: chosenId('connection'),
  }),
  history: 'record',
  run: (doc, { id, ...fields }, ctx) => {
    requireRecord(doc, 'cards', fields.fromCardId);
    requireRecord(doc, 'cards', fields.toCardId);
    if (fields.fromCardId === fields.toCardId) {
      throw new TrailmapError('SELF_REFERENCE', 'a connection must join two different cards', {
        status: 422,
      });
    }
    const twin = doc.connections.find(
      (other) => other.fromCardId === fields.fromCardId && other.toCardId === fields.toCardId,
    );
    if (twin) throw conflict('CONNECTION_EXISTS', `these cards are already connected by "${twin.id}"`);
    return [put('connections', definedOnly({ id: allocateId(doc, 'connection', ctx, id), ...fields }))];
  },
});
