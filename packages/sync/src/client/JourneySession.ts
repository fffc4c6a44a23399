import * as Y from 'yjs';
import {
  executeCommand,
  type CommandCall,
  type CommandContext,
  type CommandResult,
  type HistoryMode,
  type Op,
} from '@trailmap/core';
import { applyOpsToYDoc } from '../doc/applyOps';
import { yDocToJourney } from '../doc/fromYDoc';
import { contentTypesOf } from '../doc/layout';

/** Origin of a session's changes that never enter undo (`history: 'skip'`). */
export const UNTRACKED_ORIGIN = Symbol('trailmap.untracked');

/**
 * One user's editing session on a shared journey Y.Doc: runs commands and keeps that user's
 * undo history. Only changes made with this session's origin are undoable, so remote edits and
 * server writes never land in anyone's undo stack.
 *
 * History modes: `record` = exactly one undo step; `merge` = merged with the preceding `merge`
 * commands until {@link endGesture} (drags, typing); `skip` = never undoable.
 * @example
 * const session = new JourneySession(ydoc, browserContext(user));
 * session.run({ command: 'card.add', input: { laneId, stageId, text: 'Hi' } });
 * session.undo();
 */
export class JourneySession {
  /** Transaction origin of this session's undoable changes. */
  readonly origin: object = { session: 'trailmap' };
  readonly undoManager: Y.UndoManager;
  private isInGesture = false;

  constructor(
    readonly ydoc: Y.Doc,
    readonly ctx: CommandContext,
  ) {
    this.undoManager = new Y.UndoManager(contentTypesOf(ydoc), {
      trackedOrigins: new Set([this.origin]),
      // Steps are delimited by stopCapturing, not by timing. (Not MAX_SAFE_INTEGER: Yjs compares
      // `now - lastChange` with it, and stopCapturing sets lastChange to 0.)
      captureTimeout: 24 * 60 * 60 * 1000,
    });
  }

  /**
   * Runs a command as this user.
   * @throws TrailmapError from the command; the document is unchanged then
   */
  run(call: CommandCall): CommandResult {
    const result = executeCommand(yDocToJourney(this.ydoc), call, this.ctx);
    this.commit(result.ops, result.command.history);
    return result;
  }

  /** Applies ops as one transaction with the given history mode (what {@link run} does last). */
  commit(ops: readonly Op[], history: HistoryMode): void {
    if (history === 'skip') return applyOpsToYDoc(this.ydoc, ops, UNTRACKED_ORIGIN);
    if (history === 'record' || !this.isInGesture) this.undoManager.stopCapturing();
    this.isInGesture = history === 'merge';
    applyOpsToYDoc(this.ydoc, ops, this.origin);
    if (history === 'record') this.undoManager.stopCapturing();
  }

  /** Closes the current `merge` gesture: the next change starts a new undo step. */
  endGesture(): void {
    this.isInGesture = false;
    this.undoManager.stopCapturing();
  }

  undo(): boolean {
    this.endGesture();
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    this.endGesture();
    return this.undoManager.redo() !== null;
  }

  get canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  get canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}
