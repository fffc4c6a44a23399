/** Shapes the server's presenters send (apps/server/src/presenters). */
export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export type Role = 'viewer' | 'commenter' | 'editor' | 'owner';

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
  role?: Role;
}

export interface WorkspaceMember {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface MapSummary {
  id: string;
  workspaceId: string;
  title: string;
  type: string;
  tags: string[];
  version: number;
  etag: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface MapWrite {
  mapId: string;
  workspaceId: string;
  version: number;
  etag: string;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  mapType: string;
}

export interface VersionEntry {
  version: number;
  kind: string;
  via: string;
  at: string;
  author: { id: string; email: string | null; name: string | null } | null;
  name: string | null;
  commands: string[];
}

/** The server's answer to a share-link token: which map it opens and how. */
export interface SharedLinkInfo {
  mapId: string;
  role: 'viewer' | 'commenter';
  expiresAt: string | null;
}

export interface ShareLink {
  id: string;
  mapId: string;
  role: 'viewer' | 'commenter';
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export interface LibraryPersona {
  id: string;
  workspaceId: string;
  persona: Record<string, unknown> & { name?: string; role?: string; avatar?: string };
  createdAt: string;
  updatedAt: string;
}

export interface ServerNotification {
  id: string;
  kind: string;
  mapId: string | null;
  threadId: string | null;
  commentId: string | null;
  author: { id: string | null; name: string | null };
  excerpt: string | null;
  createdAt: string;
  readAt: string | null;
}
