import { etagOf } from '../services/maps/snapshotCache';
import type { MapWrite } from '../services/maps/mapStore';

export const presentMapSummary = (row: {
  id: string;
  workspace_id: string;
  title: string;
  type: string;
  tags: string;
  version: number;
  size_bytes: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  deleted_at: string | null;
}) => ({
  id: row.id,
  workspaceId: row.workspace_id,
  title: row.title,
  type: row.type,
  tags: row.tags ? row.tags.slice(1, -1).split('|') : [],
  version: Number(row.version),
  etag: etagOf(Number(row.version)),
  sizeBytes: Number(row.size_bytes),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
  deletedAt: row.deleted_at,
});

export const presentWrite = (write: MapWrite) => ({
  mapId: write.mapId,
  workspaceId: write.workspaceId,
  version: write.version,
  etag: write.etag,
  ...(write.ops ? { ops: write.ops } : {}),
});

export const presentVersion = (row: {
  version: number;
  kind: string;
  via: string;
  created_at: string;
  author_id: string | null;
  author_email: string | null;
  author_name: string | null;
  name: string | null;
  commands: string | null;
}) => ({
  version: Number(row.version),
  kind: row.kind,
  via: row.via,
  at: row.created_at,
  author: row.author_id ? { id: row.author_id, email: row.author_email, name: row.author_name } : null,
  name: row.name,
  commands: row.commands
    ? (JSON.parse(row.commands) as { command: string }[]).map((call) => call.command)
    : [],
});

export const presentShareLink = (
  row: {
    id: string;
    map_id: string;
    role: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
  },
  now: string,
) => ({
  id: row.id,
  mapId: row.map_id,
  role: row.role,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  active: row.revoked_at === null && (row.expires_at === null || row.expires_at > now),
});
