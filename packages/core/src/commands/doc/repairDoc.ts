import { z } from 'zod';
import { defineCommand } from '../defineCommand';
import { repairOps } from './repairOps';

export const repairDoc = defineCommand({
  id: 'doc.repair',
  summary: 'Fix dangling references left by concurrent edits (orphaned cards, emotion points, links…)',
  input: z.strictObject({}),
  // A server-side fix after a merge, not a user edit: never undoable.
  history: 'skip',
  run: (doc) => repairOps(doc),
});
