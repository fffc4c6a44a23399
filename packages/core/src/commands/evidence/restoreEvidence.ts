import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';

export const restoreEvidence = defineCommand({
  id: 'evidence.restore',
  summary: 'Undelete tombstoned evidence (its former links are not restored)',
  input: z.strictObject({ id: idOf('evidence') }),
  history: 'record',
  run: (doc, { id }) => {
    const evidence = requireRecord(doc, 'evidence', id);
    return evidence.deletedAt === undefined ? [] : [patch('evidence', id, { deletedAt: undefined })];
  },
});
