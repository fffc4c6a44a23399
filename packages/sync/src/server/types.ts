import type { Journey } from '@trailmap/schema';
import type { Actor } from '../social/model';
import type { Contribution } from '../doc/contributions';
import type { Role } from '../social/roles';

/** Who is on a live connection, as the host's `authenticate` callback resolved them. */
export interface CollabIdentity {
  user: Actor;
  role: Role;
  /** Set when the connection came in through a share link (so revoking it can disconnect). */
  shareLinkId?: string;
}

/** What a connecting client presented. */
export interface CollabCredentials {
  mapId: string;
  /** The provider's `token`: a bearer API token or a share-link token. */
  token: string | null;
  /** The Cookie header of the WebSocket upgrade request (browser sessions). */
  cookie: string | undefined;
}

/** Host callbacks for authentication and authorization. */
export interface CollabAuthCallbacks {
  /**
   * Resolves credentials to an identity with its role on this map. Return null for "who are
   * you?" (close reason Unauthorized, 4401); throw a TrailmapError with status 403 (or return a
   * role-less result) for "not allowed" (Forbidden, 4403).
   */
  authenticate(credentials: CollabCredentials): Promise<CollabIdentity | null>;
  /**
   * Re-checks an identity's current role (memberships change, share links are revoked). Null
   * means access is gone: the connection is closed with 4403. Called on an incoming message when
   * the connection's decision is older than `reauthorizeAfterMs` or `generation` moved.
   */
  authorize?(mapId: string, identity: CollabIdentity): Promise<Role | null>;
  /**
   * A number that changes whenever cached authorization decisions may have gone stale (a role,
   * membership or share link changed). A connection whose decision was made in an older
   * generation is re-authorized on its next message, before that message is handled.
   */
  generation?(): number;
}

/** One stored Yjs update of a map's log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** JSON written outside the live document (HTTP API, CLI) that the Yjs state has not seen. */
export interface OutsideChanges {
  /** The JSON document the Yjs state last matched; null when there is no Yjs state yet. */
  base: Journey | null;
  /** The JSON document now. */
  current: Journey;
  /** The host's version number of `current`, handed back to `compact` as `basedOn`. */
  version?: number;
}

/**
 * Where live documents are kept. Updates are appended before they are acknowledged, so a crash
 * loses nothing a client was told is saved; compaction folds them into one snapshot and keeps
 * the JSON document (read by the HTTP API, search and export) in step.
 */
export interface CollabStore {
  /** The map's Yjs snapshot and update log. */
  load(mapId: string): Promise<{ state: Uint8Array | null; updates: StoredUpdate[] }>;
  /** Appends one update to the log; returns its sequence number. */
  append(mapId: string, update: Uint8Array): Promise<number>;
  /**
   * JSON changes made outside the live document since the last compaction (null = none). They are
   * merged into the live document on load and before every compaction, field by field.
   */
  outsideChanges(mapId: string): Promise<OutsideChanges | null>;
  /**
   * Stores the snapshot and the JSON document, and deletes the log entries `coveredSeqs`.
   * `authors` edited since the JSON was last written; `basedOn` is the version of the outside
   * changes merged just before (if any). With `writeJson: false` only the Yjs state is stored
   * (the JSON document is written at most every `jsonIntervalMs`, when the last client leaves,
   * and whenever the HTTP API flushes the map).
   */
  compact(
    mapId: string,
    snapshot: {
      state: Uint8Array;
      /** The JSON document; present only with `writeJson` (reading it out costs CPU on big maps). */
      journey?: Journey;
      coveredSeqs: number[];
      authors: Actor[];
      /** The same authors with the records each touched (see `versionsByAuthor`). */
      contributions: Contribution<Actor>[];
      basedOn?: number;
      writeJson: boolean;
    },
  ): Promise<void>;
}

/** A version-history entry: the document as it was after some minutes of editing, and who edited. */
export interface VersionEntry {
  mapId: string;
  journey: Journey;
  authors: Actor[];
}

/** Transaction origin of writes made by the server on behalf of someone (API, comments, votes). */
export interface ServerOrigin {
  kind: 'api' | 'social' | 'system';
  actor?: Actor;
}

export const isServerOrigin = (origin: unknown): origin is ServerOrigin =>
  typeof origin === 'object' &&
  origin !== null &&
  'kind' in origin &&
  ['api', 'social', 'system'].includes((origin as ServerOrigin).kind);
