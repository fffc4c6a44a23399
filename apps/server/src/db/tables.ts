import type { Generated } from 'kysely';

/**
 * Row types of the relational store. Timestamps are ISO 8601 strings and JSON columns are text
 * on both SQLite and PostgreSQL so one query layer serves both.
 */
export interface Tables {
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    is_admin: number;
    created_at: string;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
  };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
  };
  workspaces: {
    id: string;
    name: string;
    created_at: string;
  };
  workspace_members: {
    workspace_id: string;
    user_id: string;
    role: string;
    created_at: string;
  };
  maps: {
    id: string;
    workspace_id: string;
    title: string;
    type: string;
    /** Tags joined as `|tag1|tag2|` so a LIKE finds one tag on both databases. */
    tags: string;
    version: number;
    /**
     * The full document as of the last stored snapshot (create, replace, restore, every 50th
     * version). The current document is rebuilt from `map_changes`; this copy is for inspection.
     */
    snapshot: string;
    size_bytes: number;
    created_by: string | null;
    created_at: string;
    updated_by: string | null;
    updated_at: string;
    archived_at: string | null;
    deleted_at: string | null;
  };
  map_members: {
    map_id: string;
    user_id: string;
    role: string;
  };
  map_changes: {
    map_id: string;
    version: number;
    kind: string;
    /** The command batch as sent (change log), JSON. */
    commands: string | null;
    /** The ops the batch produced; replayed on the last snapshot to rebuild a version. */
    ops: string | null;
    /** Full document, stored on create/replace/restore and every few changes. */
    snapshot: string | null;
    author_id: string | null;
    via: string;
    created_at: string;
  };
  named_versions: {
    map_id: string;
    version: number;
    name: string;
    created_by: string | null;
    created_at: string;
  };
  personas: {
    id: string;
    workspace_id: string;
    name: string;
    data: string;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  share_links: {
    id: string;
    map_id: string;
    role: string;
    token_hash: string;
    created_by: string | null;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
  };
  audit_log: {
    id: Generated<number>;
    workspace_id: string;
    actor_id: string | null;
    action: string;
    target: string | null;
    details: string | null;
    created_at: string;
  };
}
