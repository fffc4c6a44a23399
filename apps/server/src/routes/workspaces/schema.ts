import { z } from 'zod';
import { ROLES } from '../../auth/roles';

export const WorkspaceParams = z.strictObject({ workspaceId: z.string().max(100) });
export const MemberParams = WorkspaceParams.extend({ userId: z.string().max(100) });
export const CreateWorkspaceBody = z.strictObject({ name: z.string().trim().min(1).max(200) });
export const AddMemberBody = z.strictObject({ email: z.email().max(254), role: z.enum(ROLES) });
export const SetMemberBody = z.strictObject({ role: z.enum(ROLES) });
export const AuditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
