import { z } from 'zod';
import { SHARE_ROLES } from '../../auth/roles';
import { MapParams } from '../maps/schema';

export const ShareLinkParams = MapParams.extend({ linkId: z.string().max(100) });
export const CreateShareLinkBody = z.strictObject({
  role: z.enum(SHARE_ROLES),
  expiresAt: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'ISO 8601; omit for a link that never expires' }),
});
