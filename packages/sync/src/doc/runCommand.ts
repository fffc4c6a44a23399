import type * as Y from 'yjs';
import { executeCommand, type CommandCall, type CommandContext, type CommandResult } from '@trailmap/core';
import { applyOpsToYDoc } from './applyOps';
import { yDocToJourney } from './fromYDoc';

/**
 * Runs a core command against the live document: reads the (repaired) JSON view, executes the
 * command, and applies its ops as one Yjs transaction with `origin`.
 * @throws TrailmapError `UNKNOWN_COMMAND`, `INVALID_COMMAND_INPUT`, or the command's own codes
 * (the Y.Doc is left unchanged)
 */
export function runCommand(
  ydoc: Y.Doc,
  call: CommandCall,
  ctx: CommandContext,
  origin: unknown = null,
): CommandResult {
  const result = executeCommand(yDocToJourney(ydoc), call, ctx);
  applyOpsToYDoc(ydoc, result.ops, origin);
  return result;
}
