import type { Journey } from '@trailmap/schema';
import { executeBatch, getCommand, type CommandCall, type CommandContext } from '@trailmap/core';
import type { CommandSource, MapSession, Peer, SessionStatus } from './MapSession';
import { browserCommandContext } from './commandContext';
import { UndoStack } from './UndoStack';

/**
 * A map held in memory and edited through core commands. Used for the offline sandbox, the
 * benchmark and as the fallback while no live connection exists.
 */
export class LocalMapSession implements MapSession {
  private doc: Journey;
  private readonly listeners = new Set<() => void>();
  private readonly history = new UndoStack<Journey>();
  private status: SessionStatus;

  constructor(
    readonly mapId: string,
    initial: Journey,
    private readonly options: { canEdit?: boolean; context?: CommandContext } = {},
  ) {
    this.doc = initial;
    this.status = this.computeStatus();
  }

  getDoc = (): Journey => this.doc;
  getStatus = (): SessionStatus => this.status;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  runCommand(id: string, input: unknown, source: CommandSource): void {
    this.apply([{ command: id, input }], source, getCommand(id).history);
  }

  runBatch(calls: readonly CommandCall[], source: CommandSource): void {
    if (calls.length === 0) return;
    this.apply(calls, source, 'record');
  }

  private apply(calls: readonly CommandCall[], _source: CommandSource, mode: 'record' | 'merge' | 'skip') {
    if (this.options.canEdit === false) return;
    const before = this.doc;
    const context = this.options.context ?? browserCommandContext();
    const { doc } = executeBatch(before, calls, context);
    this.doc = doc;
    const first = calls[0]!;
    const target = (first.input as { id?: unknown } | undefined)?.id;
    this.history.push(before, mode, `${first.command}:${String(target ?? '')}`);
    this.emit();
  }

  stopCapturing(): void {
    this.history.stopCapturing();
  }

  undo(): void {
    const previous = this.history.undo(this.doc);
    if (previous === undefined) return;
    this.doc = previous;
    this.emit();
  }

  redo(): void {
    const next = this.history.redo(this.doc);
    if (next === undefined) return;
    this.doc = next;
    this.emit();
  }

  private readonly noPeers: Peer[] = [];
  getPeers = (): Peer[] => this.noPeers;
  setPresence(): void {}

  destroy(): void {
    this.listeners.clear();
  }

  private computeStatus(): SessionStatus {
    return {
      save: 'local',
      isOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
      canEdit: this.options.canEdit !== false,
      canUndo: this.history.canUndo(),
      canRedo: this.history.canRedo(),
    };
  }

  private emit() {
    this.status = this.computeStatus();
    for (const listener of [...this.listeners]) listener();
  }
}
