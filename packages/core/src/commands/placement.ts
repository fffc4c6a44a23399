import { z } from 'zod';

/** Where to put a new or moved record among its siblings; default: at the end. */
export const PlacementSchema = z.strictObject({
  before: z.string().optional().describe('Place right before this sibling id'),
  after: z.string().optional().describe('Place right after this sibling id'),
  position: z.enum(['start', 'end']).optional(),
});
