import { z } from 'zod';

export const CreateTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const TokenParams = z.strictObject({ tokenId: z.string().max(100) });
