import type { Journey } from '@trailmap/schema';
import type { CommandCall } from '@trailmap/core';
import { api, apiRequest, setCsrfToken } from './client';
import type {
  LibraryPersona,
  ServerNotification,
  MapSummary,
  MapWrite,
  Role,
  ShareLink,
  SharedLinkInfo,
  TemplateSummary,
  User,
  VersionEntry,
  Workspace,
  WorkspaceMember,
} from './types';

const enc = encodeURIComponent;
const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

/** Every call the web app makes, one function per route. */
export const endpoints = {
  async me() {
    const result = await api.get<{ user: User; csrfToken: string | null }>('/api/v1/me');
    setCsrfToken(result.csrfToken);
    return result.user;
  },
  async signIn(email: string, password: string) {
    const result = await api.post<{ user: User; csrfToken: string }>('/api/v1/auth/login', {
      email,
      password,
    });
    setCsrfToken(result.csrfToken);
    return result.user;
  },
  async signUp(name: string, email: string, password: string) {
    const result = await api.post<{ user: User; csrfToken: string }>('/api/v1/auth/signup', {
      name,
      email,
      password,
    });
    setCsrfToken(result.csrfToken);
    return result.user;
  },
  signOut: () => api.post<void>('/api/v1/auth/logout'),
  workspaces: () => api.get<{ workspaces: Workspace[] }>('/api/v1/workspaces').then((r) => r.workspaces),
  createWorkspace: (name: string) => api.post<{ workspace: Workspace }>('/api/v1/workspaces', { name }),
  workspaceMembers: (workspaceId: string) =>
    api
      .get<{ members: WorkspaceMember[] }>(`/api/v1/workspaces/${enc(workspaceId)}/members`)
      .then((r) => r.members),
  maps: (workspaceId: string, filters: { q?: string; tag?: string; type?: string } = {}) =>
    api.get<{ maps: MapSummary[]; total: number }>(
      `/api/v1/workspaces/${enc(workspaceId)}/maps${query({ ...filters, limit: '200' })}`,
    ),
  createMap: (workspaceId: string, body: { title?: string; template?: string; type?: string }) =>
    api.post<MapWrite>(`/api/v1/workspaces/${enc(workspaceId)}/maps`, body),
  async map(mapId: string) {
    const response = await apiRequest<Journey>('GET', `/api/v1/maps/${enc(mapId)}`);
    return {
      doc: response.data,
      etag: response.headers.get('etag') ?? '',
      role: (response.headers.get('x-trailmap-role') ?? 'viewer') as Role,
    };
  },
  /** The workspace holding the map (a HEAD request: the document itself is not sent). */
  async mapWorkspace(mapId: string) {
    const response = await apiRequest<void>('HEAD', `/api/v1/maps/${enc(mapId)}`);
    return response.headers.get('x-trailmap-workspace') ?? undefined;
  },
  /** `undefined` when unchanged since `etag`. */
  async mapIfChanged(mapId: string, etag: string) {
    const response = await apiRequest<Journey>('GET', `/api/v1/maps/${enc(mapId)}`, {
      headers: { 'if-none-match': etag },
    });
    return response.status === 304
      ? undefined
      : { doc: response.data, etag: response.headers.get('etag') ?? '' };
  },
  runCommands: (mapId: string, commands: readonly CommandCall[]) =>
    api.post<MapWrite>(`/api/v1/maps/${enc(mapId)}/commands`, { commands }),
  replaceMap: (mapId: string, doc: Journey, etag: string) =>
    api.put<MapWrite>(`/api/v1/maps/${enc(mapId)}`, doc, { 'if-match': etag }),
  versions: (mapId: string) =>
    api.get<{ versions: VersionEntry[] }>(`/api/v1/maps/${enc(mapId)}/versions`).then((r) => r.versions),
  nameVersion: (mapId: string, name: string, version?: number) =>
    api.post<unknown>(`/api/v1/maps/${enc(mapId)}/versions`, { name, ...(version ? { version } : {}) }),
  versionDoc: (mapId: string, version: number) =>
    api.get<Journey>(`/api/v1/maps/${enc(mapId)}/versions/${version}`),
  restoreVersion: (mapId: string, version: number) =>
    api.post<MapWrite>(`/api/v1/maps/${enc(mapId)}/versions/${version}/restore`),
  shareLinks: (mapId: string) =>
    api.get<{ links: ShareLink[] }>(`/api/v1/maps/${enc(mapId)}/share-links`).then((r) => r.links),
  createShareLink: (mapId: string, role: 'viewer' | 'commenter', expiresAt?: string) =>
    api.post<{ link: ShareLink; token: string; url: string }>(`/api/v1/maps/${enc(mapId)}/share-links`, {
      role,
      ...(expiresAt ? { expiresAt } : {}),
    }),
  /** What a share-link token opens; 404 `SHARE_LINK_NOT_FOUND` when unknown, revoked or expired. */
  shareLookup: (token: string) => api.get<SharedLinkInfo>(`/api/v1/share/${enc(token)}`),
  revokeShareLink: (mapId: string, linkId: string) =>
    api.delete<void>(`/api/v1/maps/${enc(mapId)}/share-links/${enc(linkId)}`),
  /** Per-map role overrides (owner only). */
  mapMembers: (mapId: string) =>
    api.get<{ overrides: WorkspaceMember[] }>(`/api/v1/maps/${enc(mapId)}/members`).then((r) => r.overrides),
  setMapMember: (mapId: string, userId: string, role: Role | null) =>
    api.put<unknown>(`/api/v1/maps/${enc(mapId)}/members/${enc(userId)}`, { role }),
  addWorkspaceMember: (workspaceId: string, email: string, role: Role) =>
    api.post<unknown>(`/api/v1/workspaces/${enc(workspaceId)}/members`, { email, role }),
  notifications: () =>
    api.get<{ notifications: ServerNotification[] }>('/api/v1/notifications').then((r) => r.notifications),
  readAllNotifications: () => api.post<void>('/api/v1/notifications/read-all'),
  templates: () => api.get<{ templates: TemplateSummary[] }>('/api/v1/templates').then((r) => r.templates),
  personas: (workspaceId: string) =>
    api
      .get<{ personas: LibraryPersona[] }>(`/api/v1/workspaces/${enc(workspaceId)}/personas`)
      .then((r) => r.personas),
  createPersona: (workspaceId: string, persona: Record<string, unknown>) =>
    api.post<{ persona: LibraryPersona }>(`/api/v1/workspaces/${enc(workspaceId)}/personas`, persona),
};
