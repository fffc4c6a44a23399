import { z } from 'zod';
import { LaneSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';
import { takeLineFromOthers } from './lineAbove';

const lane = LaneSchema.shape;

export const updateLane = defineCommand({
  id: 'lane.update',
  summary: 'Relabel a lane, change its kind, collapse it, or draw a blueprint line above it',
  input: z.strictObject({
    id: lane.id,
    label: lane.label.optional(),
    kind: lane.kind.optional(),
    lineAbove: clearable(lane.lineAbove.unwrap()),
    collapsed: lane.collapsed,
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'lanes', id);
    const changes = changesFrom(input);
    if (Object.keys(changes).length === 0) return [];
    return [...takeLineFromOthers(doc, id, input.lineAbove), patch('lanes', id, changes)];
  },
});
