import type { Journey } from '@trailmap/schema';
import { TrailmapError, issuesFromZod } from '@trailmap/schema';
import { applyOps, type Op } from '../ops';
import type { CommandContext, CommandDefinition } from './defineCommand';
import { getCommand } from './registry';

/** A command as sent over the wire or written in a script: its id and its input. */
export interface CommandCall {
  command: string;
  input?: unknown;
}

export interface CommandResult {
  doc: Journey;
  ops: Op[];
  command: CommandDefinition;
}

/**
 * Validates the input against the command's own schema, runs it, and applies its ops.
 * @throws TrailmapError `UNKNOWN_COMMAND`, `INVALID_COMMAND_INPUT`, or the command's own codes
 */
export function executeCommand(doc: Journey, call: CommandCall, ctx: CommandContext): CommandResult {
  const command = getCommand(call.command);
  const parsed = command.input.safeParse(call.input ?? {});
  if (!parsed.success) {
    throw new TrailmapError('INVALID_COMMAND_INPUT', `invalid input for ${command.id}`, {
      status: 422,
      details: issuesFromZod(parsed.error),
    });
  }
  const ops = command.run(doc, parsed.data, ctx);
  return { doc: applyOps(doc, ops), ops, command };
}

/**
 * Runs commands one after another; all or nothing (the first failure throws, `doc` is unchanged).
 * Errors carry the position of the failing call in `details.at`.
 */
export function executeBatch(doc: Journey, calls: readonly CommandCall[], ctx: CommandContext) {
  let current = doc;
  const ops: Op[] = [];
  calls.forEach((call, at) => {
    try {
      const result = executeCommand(current, call, ctx);
      current = result.doc;
      ops.push(...result.ops);
    } catch (error) {
      if (error instanceof TrailmapError) {
        throw new TrailmapError(error.code, `command ${at} (${call.command}): ${error.message}`, {
          status: error.status,
          details: { at, command: call.command, issues: error.details },
          cause: error,
        });
      }
      throw error;
    }
  });
  return { doc: current, ops };
}
