import type { SessionUser } from '../auth/principal';

export const presentUser = (user: SessionUser) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});

export const presentToken = (row: {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});
