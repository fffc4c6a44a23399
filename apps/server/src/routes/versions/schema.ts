import { z } from 'zod';
import { MapParams } from '../maps/schema';

export const VersionParams = MapParams.extend({ version: z.coerce.number().int().min(1) });
export const VersionListQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const NameVersionBody = z.strictObject({
  version: z.number().int().min(1).optional().meta({ description: 'Defaults to the current version' }),
  name: z.string().trim().min(1).max(200),
});
export const DiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
