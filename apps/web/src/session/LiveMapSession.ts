import type { Journey } from '@trailmap/schema';
import { executeBatch, type CommandCall } from '@trailmap/core';
import {
  connectJourney,
  readPeers,
  setPresence,
  yDocToJourney,
  type LiveJourney,
} from '@trailmap/sync/client';
import type { CommandSource, MapSession, Peer, SessionStatus } from './MapSession';
import { toastError } from '../ui/toasts';

export interface LiveOptions {
  mapId: string;
  user: { id: string; name: string };
  canEdit: boolean;
  /** Share-link token; signed-in browsers authenticate with their cookie. */
  token?: string;
  url?: string;
}

/** The collab endpoint next to the page: ws(s)://host/collab. */
export const collabUrl = () =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;

/**
 * A map edited live through Yjs: commands run on the shared document as this user's transactions
 * (per-user undo), presence goes through awareness, and Hocuspocus persists and syncs.
 */
export class LiveMapSession implements MapSession {
  readonly live: LiveJourney;
  private doc: Journey;
  private peers: Peer[] = [];
  private status: SessionStatus;
  private isSynced = false;
  private isConnected = false;
  private failure: string | undefined;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(
    private readonly options: LiveOptions,
    initial: Journey,
  ) {
    this.doc = initial;
    this.live = connectJourney({
      url: options.url ?? collabUrl(),
      mapId: options.mapId,
      user: options.user,
      ...(options.token ? { token: options.token } : {}),
      onRejected: (reason) => {
        // The server refused a change that would corrupt the map and closed for good: this copy
        // has diverged, so the only honest resync is to load the map again.
        this.failure = reason || 'the server refused a change to this map';
        toastError({ code: 'INVALID_UPDATE', message: `${this.failure}; reloading the map` });
        this.refresh();
        setTimeout(() => window.location.reload(), 2500);
      },
      provider: {
        onSynced: () => {
          this.isSynced = true;
          this.refresh();
        },
        onStatus: ({ status }: { status: string }) => {
          this.isConnected = status === 'connected';
          this.refresh();
        },
        onAuthenticationFailed: ({ reason }: { reason: string }) => {
          this.failure = reason;
          // After the first sync this means access was revoked (removed member, revoked link).
          if (this.isSynced) toastError({ code: 'FORBIDDEN', message: reason });
          this.refresh();
        },
      },
    });
    this.status = this.computeStatus();
    this.live.ydoc.on('update', this.onUpdate);
    this.live.provider.awareness?.on('change', this.onAwareness);
    this.live.provider.on('unsyncedChanges', this.onUnsynced);
    window.addEventListener('online', this.refresh);
    window.addEventListener('offline', this.refresh);
  }

  get mapId() {
    return this.options.mapId;
  }

  /** Resolves once the first sync finished (or rejects when the server refused). */
  whenSynced(timeoutMs = 8000): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        if (this.isSynced) return resolve();
        if (this.failure) return reject(new Error(this.failure));
        if (Date.now() - started > timeoutMs) return reject(new Error('COLLAB_TIMEOUT'));
        setTimeout(check, 50);
      };
      check();
    });
  }

  getDoc = () => this.doc;
  getStatus = () => this.status;
  getPeers = () => this.peers;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  runCommand(id: string, input: unknown, _source: CommandSource): void {
    if (!this.options.canEdit) return;
    this.live.session.run({ command: id, input });
  }

  runBatch(calls: readonly CommandCall[], _source: CommandSource): void {
    if (!this.options.canEdit || calls.length === 0) return;
    const { ops } = executeBatch(yDocToJourney(this.live.ydoc), calls, this.live.session.ctx);
    this.live.session.commit(ops, 'record');
  }

  stopCapturing = () => this.live.session.endGesture();
  undo = () => void this.live.session.undo();
  redo = () => void this.live.session.redo();

  setPresence(presence: { cursor?: { x: number; y: number }; selection?: string[] }): void {
    const awareness = this.live.provider.awareness;
    if (!awareness) return;
    setPresence(awareness, {
      ...(presence.cursor ? { cursor: presence.cursor } : {}),
      ...(presence.selection ? { selectedCardId: presence.selection[0] ?? null } : {}),
    });
  }

  destroy(): void {
    this.live.ydoc.off('update', this.onUpdate);
    window.removeEventListener('online', this.refresh);
    window.removeEventListener('offline', this.refresh);
    this.live.destroy();
    this.listeners.clear();
  }

  private readonly onUpdate = () => {
    // Many updates arrive per frame while others type; rebuild the plain document once.
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.isSynced && this.live.ydoc.share.size === 0) return;
      this.doc = yDocToJourney(this.live.ydoc);
      this.refresh();
    });
  };

  private readonly onAwareness = () => {
    const awareness = this.live.provider.awareness;
    if (!awareness) return;
    this.peers = readPeers(awareness).map((peer) => ({
      clientId: peer.clientId,
      name: peer.user.name,
      color: peer.user.color,
      ...(peer.cursor ? { cursor: peer.cursor } : {}),
      ...(peer.selectedCardId ? { selection: [peer.selectedCardId] } : {}),
    }));
    this.emit();
  };

  private readonly onUnsynced = () => this.refresh();

  private readonly refresh = () => {
    this.status = this.computeStatus();
    this.emit();
  };

  private computeStatus(): SessionStatus {
    const isOnline = navigator.onLine && (this.isConnected || !this.isSynced);
    const hasUnsynced = this.live?.provider.hasUnsyncedChanges ?? false;
    return {
      save: this.failure
        ? 'error'
        : !isOnline
          ? 'offline'
          : hasUnsynced || !this.isSynced
            ? 'saving'
            : 'saved',
      isOnline,
      canEdit: this.options.canEdit,
      canUndo: this.live?.session.canUndo ?? false,
      canRedo: this.live?.session.canRedo ?? false,
    };
  }

  private emit() {
    for (const listener of [...this.listeners]) listener();
  }
}
