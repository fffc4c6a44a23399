export const presentWorkspace = (row: { id: string; name: string; created_at: string; role?: string }) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  ...(row.role ? { role: row.role } : {}),
});

export const presentMember = (row: { id: string; email: string; name: string; role: string }) => ({
  userId: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});

export const presentAuditEntry = (row: {
  id: number;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: string | null;
  created_at: string;
}) => ({
  id: Number(row.id),
  actor: row.actor_id ? { id: row.actor_id, email: row.actor_email } : null,
  action: row.action,
  target: row.target,
  details: row.details ? (JSON.parse(row.details) as unknown) : null,
  at: row.created_at,
});

export const presentPersona = (row: {
  id: string;
  workspace_id: string;
  data: string;
  created_at: string;
  updated_at: string;
}) => ({
  id: row.id,
  workspaceId: row.workspace_id,
  persona: JSON.parse(row.data) as Record<string, unknown>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
