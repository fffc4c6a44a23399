import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import type { Journey } from '@trailmap/schema';
import { executeBatch, type CommandCall, type CommandContext, type Op } from '@trailmap/core';
import { applyOpsToYDoc } from '../doc/applyOps';
import { diffToOps } from '../doc/diffOps';
import { yDocToJourney } from '../doc/fromYDoc';
import { journeyToYDoc } from '../doc/toYDoc';
import { applySocialAction, type SocialDeps, type SocialRequest } from '../social/actions';
import { readThreads, readVoteSessions, type Actor } from '../social/model';
import { canEdit } from '../social/roles';
import { Auth, FORBIDDEN, closeWithCode, type AuthContext } from './extensions/Auth';
import { History } from './extensions/History';
import { Persistence } from './extensions/Persistence';
import { Social } from './extensions/Social';
import { SocialGuard } from './extensions/SocialGuard';
import { SchemaGuard } from './extensions/SchemaGuard';
import { SendBatching } from './extensions/SendBatching';
import { RedisScaleOut } from './extensions/RedisScaleOut';
import { noLock, redisDocumentLock } from './documentLock';
import type { CollabAuthCallbacks, CollabIdentity, CollabStore, ServerOrigin, VersionEntry } from './types';

export interface CollabServerOptions {
  auth: CollabAuthCallbacks;
  store: CollabStore;
  social: SocialDeps;
  /** Version history; omitted = no version entries. */
  history?: { record: (entry: VersionEntry) => Promise<void>; minIntervalMs?: number };
  /** `redis://host:port`: share live documents with other processes. */
  redisUrl?: string;
  /** Compaction debounce (Hocuspocus `debounce`/`maxDebounce`), default 2 s / 10 s. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** How stale a connection's authorization may get before it is checked again; default 5 s. */
  reauthorizeAfterMs?: number;
  /** The JSON document is written at most this often while people edit (default 60 s). */
  jsonIntervalMs?: number;
  /** Re-authorize every live connection this often, so idle revoked clients leave too; default off. */
  sweepIntervalMs?: number;
  /**
   * Maps with at least `connections` people are compacted at most every `compactionIntervalMs`
   * (default 2 people, 60 s); the write-ahead log keeps every update meanwhile.
   */
  busy?: { connections: number; compactionIntervalMs: number };
  /** Extra extensions (benchmarks, tests). */
  extensions?: Extension[];
}

/**
 * Hocuspocus configured for Trailmap (auth, write-ahead persistence, history, the social
 * channel, optional Redis), plus what the HTTP API needs to work on live documents so that API
 * writes and live clients never diverge.
 * @example
 * const collab = new CollabServer({ auth, store, social });
 * collab.attach(fastify.server, '/collab');
 * await collab.applyOps('map:abc', ops, user);
 */
export class CollabServer {
  readonly hocuspocus: Hocuspocus;
  private readonly webSockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  private readonly sweepTimer: NodeJS.Timeout | undefined;

  private readonly persistence: Persistence;

  constructor(private readonly options: CollabServerOptions) {
    const redis = options.redisUrl ? new RedisScaleOut(options.redisUrl) : undefined;
    this.persistence = new Persistence(
      options.store,
      options.jsonIntervalMs,
      redis ? redisDocumentLock(redis) : noLock,
      {
        connections: options.busy?.connections ?? 2,
        intervalMs: options.busy?.compactionIntervalMs ?? 60_000,
      },
    );
    const extensions: Extension[] = [
      new Auth(options.auth, options.reauthorizeAfterMs),
      new SocialGuard(),
      new SchemaGuard(),
      this.persistence,
      new SendBatching(),
      new Social(options.social),
      ...(options.history ? [new History(options.history.record, options.history.minIntervalMs)] : []),
      ...(redis ? [redis] : []),
      ...(options.extensions ?? []),
    ];
    this.hocuspocus = new Hocuspocus({
      quiet: true,
      extensions,
      debounce: options.debounceMs ?? 2_000,
      maxDebounce: options.maxDebounceMs ?? 10_000,
    });
    if (options.sweepIntervalMs && options.auth.authorize) {
      this.sweepTimer = setInterval(() => void this.sweep(), options.sweepIntervalMs);
      this.sweepTimer.unref();
    }
  }

  /** Re-checks every live connection's access; closes those that lost it (4403). */
  async sweep(): Promise<number> {
    const authorize = this.options.auth.authorize;
    if (!authorize) return 0;
    let closed = 0;
    for (const document of [...this.hocuspocus.documents.values()]) {
      for (const connection of document.getConnections()) {
        const context = connection.context as AuthContext;
        if (!context.identity) continue;
        const role = await authorize(document.name, context.identity);
        if (role === null) {
          closeWithCode(connection, FORBIDDEN);
          closed++;
        } else {
          context.identity = { ...context.identity, role };
          connection.readOnly = !canEdit(role);
        }
      }
    }
    return closed;
  }

  /**
   * Stores the map now if it is open in this process with unsaved changes, so the JSON snapshot
   * read by the HTTP API is current when this resolves.
   */
  async flush(mapId: string): Promise<void> {
    const document = this.hocuspocus.documents.get(mapId);
    if (!document || !this.persistence.isJsonBehind(mapId)) return;
    this.persistence.requireJson(mapId);
    const key = `onStoreDocument-${mapId}`;
    if (this.hocuspocus.debouncer.isDebounced(key)) this.hocuspocus.debouncer.executeNow(key);
    else await this.mutate(mapId, undefined, () => undefined);
    await document.saveMutex.runExclusive(async () => undefined);
  }

  /**
   * Brings JSON written outside (HTTP API, CLI) into the live document now, so open editors see
   * it. Without Redis, a map nobody has open here is left alone: it merges on its next load.
   */
  async pullOutsideChanges(mapId: string): Promise<void> {
    if (!this.options.redisUrl && !this.hocuspocus.documents.has(mapId)) return;
    await this.mutate(mapId, undefined, () => undefined);
  }

  /** Serves WebSocket upgrades to `path` (default `/collab`) on an existing HTTP server. */
  attach(server: HttpServer, path = '/collab'): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname === path || pathname.startsWith(`${path}/`)) this.handleUpgrade(request, socket, head);
    });
  }

  /** Hands one upgrade request to Hocuspocus (for hosts that route upgrades themselves). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on('error', () => webSocket.terminate());
      this.hocuspocus.handleConnection(webSocket, request);
    });
  }

  /**
   * Runs `change` on the map's live document (loading it when nobody has it open) as one
   * transaction attributed to `actor`, then stores it at once: the JSON snapshot is current
   * when this resolves.
   */
  async mutate<T>(
    mapId: string,
    actor: Actor | undefined,
    change: (ydoc: Y.Doc, origin: ServerOrigin) => T,
  ): Promise<T> {
    const origin: ServerOrigin = { kind: 'api', ...(actor ? { actor } : {}) };
    const connection = await this.hocuspocus.openDirectConnection(mapId, { origin });
    let result!: T;
    try {
      await connection.transact((document) => {
        result = change(document, origin);
      });
    } finally {
      await connection.disconnect();
    }
    return result;
  }

  /** Applies core ops (from a command run elsewhere) to the live document. */
  applyOps(mapId: string, ops: readonly Op[], actor?: Actor): Promise<void> {
    return this.mutate(mapId, actor, (ydoc, origin) => applyOpsToYDoc(ydoc, ops, origin));
  }

  /**
   * Runs commands against the live document, all or nothing, and returns the resulting document.
   * @throws TrailmapError from the commands (nothing is applied then)
   */
  runCommands(
    mapId: string,
    calls: readonly CommandCall[],
    ctx: CommandContext,
  ): Promise<{ doc: Journey; ops: Op[] }> {
    return this.mutate(
      mapId,
      ctx.actor && { id: ctx.actor.id, name: ctx.actor.name ?? ctx.actor.id },
      (ydoc, origin) => {
        const result = executeBatch(yDocToJourney(ydoc), calls, ctx);
        applyOpsToYDoc(ydoc, result.ops, origin);
        return { doc: yDocToJourney(ydoc), ops: result.ops };
      },
    );
  }

  /**
   * Replaces the whole document (PUT). With `base` (the version the writer started from) only
   * what the writer changed is applied, so concurrent live edits to other fields survive;
   * without it the live document is made equal to `journey` (still only touching fields that differ).
   */
  replace(
    mapId: string,
    journey: Journey,
    options: { actor?: Actor; base?: Journey } = {},
  ): Promise<Journey> {
    return this.mutate(mapId, options.actor, (ydoc, origin) => {
      if (options.base) applyOpsToYDoc(ydoc, diffToOps(options.base, journey), origin);
      else journeyToYDoc(journey, ydoc, origin);
      return yDocToJourney(ydoc);
    });
  }

  /** The live JSON document when the map is open in this process, else null (read the store). */
  read(mapId: string): Journey | null {
    const document = this.hocuspocus.documents.get(mapId);
    return document ? yDocToJourney(document) : null;
  }

  /** Runs a social action (comment, reply, resolve, vote) for the HTTP API. */
  social(request: SocialRequest): Promise<unknown> {
    return this.withDocument(request.mapId, (ydoc) =>
      applySocialAction(ydoc, request, this.options.social, { kind: 'social', actor: request.actor }),
    );
  }

  /** Threads and vote sessions of a map, loading it when needed. */
  readSocial(mapId: string) {
    return this.withDocument(mapId, async (ydoc) => ({
      threads: readThreads(ydoc),
      voteSessions: readVoteSessions(ydoc),
    }));
  }

  /**
   * Closes every live connection whose identity matches (e.g. the share link that was revoked),
   * with 4403 Forbidden. Returns how many were closed.
   */
  disconnect(matches: (identity: CollabIdentity, mapId: string) => boolean): number {
    let closed = 0;
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const { identity } = connection.context as AuthContext;
        if (identity && matches(identity, document.name)) {
          closeWithCode(connection, FORBIDDEN);
          closed++;
        }
      }
    }
    return closed;
  }

  /** Stops accepting connections, closes the open ones, and stores every open document. */
  async destroy(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.webSockets.close();
    const open = [...this.hocuspocus.documents.values()];
    this.hocuspocus.closeConnections();
    for (const client of this.webSockets.clients) client.terminate();
    await Promise.all(open.map((document) => this.storeNow(document.name)));
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
  }

  private async storeNow(mapId: string): Promise<void> {
    const document = this.hocuspocus.documents.get(mapId);
    if (!document) return;
    this.persistence.requireJson(mapId);
    this.hocuspocus.debouncer.executeNow(`onStoreDocument-${mapId}`);
    // The store runs under the document's save mutex: waiting for it means the store is done.
    await document.saveMutex.runExclusive(async () => undefined);
    await this.hocuspocus.unloadDocument(document);
  }

  private async withDocument<T>(mapId: string, use: (ydoc: Y.Doc) => Promise<T>): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(mapId, {});
    try {
      return await use(connection.document!);
    } finally {
      await connection.disconnect();
    }
  }
}
