import { TrailmapError } from '@trailmap/schema';
import type { CommandDefinition } from './defineCommand';
import { addStage } from './stage/addStage';
import { addCard } from './card/addCard';

/** Every command, once. Web, HTTP and CLI expose exactly this list. */
export const COMMANDS: readonly CommandDefinition[] = [addStage, addCard] as CommandDefinition[];

const byId = new Map(COMMANDS.map((command) => [command.id, command]));

/** @throws TrailmapError `UNKNOWN_COMMAND` (422) */
export function getCommand(id: string): CommandDefinition {
  const command = byId.get(id);
  if (!command) {
    throw new TrailmapError('UNKNOWN_COMMAND', `unknown command "${id}"`, {
      status: 422,
      details: { known: [...byId.keys()] },
    });
  }
  return command;
}
