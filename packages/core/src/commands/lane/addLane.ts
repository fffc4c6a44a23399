import { z } from 'zod';
import { LaneSchema } from '@trailmap/schema';
import { put } from '../../ops';
import { indexFor } from '../../ordering';
import { defineCommand } from '../defineCommand';
import { chosenId, definedOnly } from '../fields';
import { allocateId } from '../guards';
import { PlacementSchema } from '../placement';
import { takeLineFromOthers } from './lineAbove';

const lane = LaneSchema.shape;

export const addLane = defineCommand({
  id: 'lane.add',
  summary: 'Add a lane (row); a blueprint line given to it is taken from the lane that had it',
  input: z.strictObject({
    kind: lane.kind,
    label: lane.label,
    lineAbove: lane.lineAbove,
    collapsed: lane.collapsed,
    id: chosenId('lane'),
    ...PlacementSchema.shape,
  }),
  history: 'record',
  run: (doc, { id: requested, before, after, position, ...fields }, ctx) => {
    const id = allocateId(doc, 'lane', ctx, requested);
    return [
      ...takeLineFromOthers(doc, id, fields.lineAbove),
      put('lanes', definedOnly({ id, index: indexFor(doc.lanes, { before, after, position }), ...fields })),
    ];
  },
});
