import type { Journey } from '@trailmap/schema';
import type { CommandCall } from '@trailmap/core';

/** Who triggered a command; recorded for undo grouping and telemetry-free debugging. */
export type CommandSource = 'ui' | 'keyboard' | 'contextMenu' | 'dragDrop' | 'clipboard' | 'palette' | 'api';

/** Whether the user's edits are safe on the server. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'error' | 'local';

export interface SessionStatus {
  save: SaveState;
  isOnline: boolean;
  canEdit: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** Another person in the map, as seen through presence (never stored in the document). */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  cursor?: { x: number; y: number };
  selection?: string[];
}

/**
 * One open map. Components read the document through `getDoc` and change it only through
 * `runCommand`, so a local in-memory session and the live Yjs session are interchangeable.
 */
export interface MapSession {
  readonly mapId: string;
  getDoc(): Journey;
  getStatus(): SessionStatus;
  /** Notified after any document or status change. */
  subscribe(listener: () => void): () => void;
  /** @throws TrailmapError when the command refuses (codes are shown as toasts) */
  runCommand(id: string, input: unknown, source: CommandSource): void;
  /** All-or-nothing; one undo step. */
  runBatch(calls: readonly CommandCall[], source: CommandSource): void;
  /** Ends the current merge gesture (typing, dragging) so the next edit is a new undo step. */
  stopCapturing(): void;
  undo(): void;
  redo(): void;
  getPeers(): Peer[];
  setPresence(presence: { cursor?: { x: number; y: number }; selection?: string[] }): void;
  destroy(): void;
}
