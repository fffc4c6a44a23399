import type { Journey } from '@trailmap/schema';
import { executeBatch, getCommand, type CommandCall } from '@trailmap/core';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/client';
import { toastError } from '../ui/toasts';
import type { CommandSource, MapSession, Peer, SessionStatus } from './MapSession';
import { browserCommandContext } from './commandContext';
import { UndoStack } from './UndoStack';

const FLUSH_DELAY_MS = 300;
const POLL_MS = 3000;

/**
 * A map edited without a live connection: commands apply locally at once and are sent to
 * `POST /maps/:id/commands` in small batches; undo/redo replace the document with `PUT` and
 * If-Match. Others' changes arrive by polling with If-None-Match.
 */
export class RestMapSession implements MapSession {
  private doc: Journey;
  private etag: string;
  private readonly history = new UndoStack<Journey>();
  private readonly listeners = new Set<() => void>();
  private queue: CommandCall[] = [];
  private needsReplace = false;
  private isFlushing = false;
  private failed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly poller: ReturnType<typeof setInterval>;
  private status: SessionStatus;

  constructor(
    readonly mapId: string,
    initial: { doc: Journey; etag: string },
    private readonly canEdit: boolean,
  ) {
    this.doc = initial.doc;
    this.etag = initial.etag;
    this.status = this.computeStatus();
    this.poller = setInterval(() => void this.poll(), POLL_MS);
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
  }

  getDoc = () => this.doc;
  getStatus = () => this.status;
  private readonly noPeers: Peer[] = [];
  getPeers = () => this.noPeers;
  setPresence(): void {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  runCommand(id: string, input: unknown, source: CommandSource): void {
    this.apply([{ command: id, input }], getCommand(id).history, source);
  }

  runBatch(calls: readonly CommandCall[], source: CommandSource): void {
    if (calls.length) this.apply(calls, 'record', source);
  }

  private apply(calls: readonly CommandCall[], mode: 'record' | 'merge' | 'skip', _source: CommandSource) {
    if (!this.canEdit) return;
    const before = this.doc;
    this.doc = executeBatch(before, calls, browserCommandContext()).doc;
    const target = (calls[0]!.input as { id?: unknown } | undefined)?.id;
    this.history.push(before, mode, `${calls[0]!.command}:${String(target ?? '')}`);
    this.queue.push(...calls);
    this.schedule();
  }

  stopCapturing = () => this.history.stopCapturing();

  undo(): void {
    const previous = this.history.undo(this.doc);
    if (previous === undefined) return;
    this.doc = previous;
    this.needsReplace = true;
    this.schedule();
  }

  redo(): void {
    const next = this.history.redo(this.doc);
    if (next === undefined) return;
    this.doc = next;
    this.needsReplace = true;
    this.schedule();
  }

  destroy(): void {
    clearInterval(this.poller);
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.listeners.clear();
  }

  private schedule() {
    this.emit();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    if (this.isFlushing || !navigator.onLine) return;
    if (!this.needsReplace && this.queue.length === 0) return;
    this.isFlushing = true;
    const replacing = this.needsReplace;
    const sent = this.queue;
    this.queue = [];
    this.needsReplace = false;
    try {
      const write = replacing
        ? await endpoints.replaceMap(this.mapId, this.doc, this.etag)
        : await endpoints.runCommands(this.mapId, sent);
      this.etag = write.etag;
      this.failed = false;
    } catch (error) {
      this.failed = true;
      if (error instanceof ApiError && error.code === 'NETWORK_ERROR') {
        // Keep the work and retry when back online.
        this.queue = replacing ? this.queue : [...sent, ...this.queue];
        this.needsReplace ||= replacing;
      } else {
        toastError(error);
        await this.reload();
      }
    } finally {
      this.isFlushing = false;
      this.emit();
      if (this.queue.length || this.needsReplace) this.schedule();
    }
  }

  private async reload() {
    const fresh = await endpoints.map(this.mapId);
    this.doc = fresh.doc;
    this.etag = fresh.etag;
    this.queue = [];
    this.needsReplace = false;
  }

  private async poll() {
    if (this.isFlushing || this.queue.length || this.needsReplace || !navigator.onLine) return;
    try {
      const changed = await endpoints.mapIfChanged(this.mapId, this.etag);
      if (!changed || this.queue.length || this.needsReplace) return;
      this.doc = changed.doc;
      this.etag = changed.etag;
      this.emit();
    } catch (error) {
      console.info('polling the map failed; will retry', error);
    }
  }

  private readonly onNetwork = () => {
    this.emit();
    if (navigator.onLine) void this.flush();
  };

  private computeStatus(): SessionStatus {
    const hasPending = this.queue.length > 0 || this.needsReplace || this.isFlushing;
    return {
      save: !navigator.onLine ? 'offline' : this.failed ? 'error' : hasPending ? 'saving' : 'saved',
      isOnline: navigator.onLine,
      canEdit: this.canEdit,
      canUndo: this.history.canUndo(),
      canRedo: this.history.canRedo(),
    };
  }

  private emit() {
    this.status = this.computeStatus();
    for (const listener of [...this.listeners]) listener();
  }
}
