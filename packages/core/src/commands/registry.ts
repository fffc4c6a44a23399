import { TrailmapError } from '@trailmap/schema';
import type { CommandDefinition } from './defineCommand';
import { updateMap } from './map/updateMap';
import { addPersona } from './persona/addPersona';
import { updatePersona } from './persona/updatePersona';
import { removePersona } from './persona/removePersona';
import { setPrimaryPersona } from './persona/setPrimaryPersona';
import { addStage } from './stage/addStage';
import { updateStage } from './stage/updateStage';
import { moveStage } from './stage/moveStage';
import { removeStage } from './stage/removeStage';
import { addStep } from './step/addStep';
import { updateStep } from './step/updateStep';
import { moveStep } from './step/moveStep';
import { removeStep } from './step/removeStep';
import { addLane } from './lane/addLane';
import { updateLane } from './lane/updateLane';
import { moveLane } from './lane/moveLane';
import { removeLane } from './lane/removeLane';
import { addCard } from './card/addCard';

/** Every command, once. Web, HTTP and CLI expose exactly this list. */
export const COMMANDS: readonly CommandDefinition[] = [
  updateMap,
  addPersona,
  updatePersona,
  removePersona,
  setPrimaryPersona,
  addStage,
  updateStage,
  moveStage,
  removeStage,
  addStep,
  updateStep,
  moveStep,
  removeStep,
  addLane,
  updateLane,
  moveLane,
  removeLane,
  addCard,
] as CommandDefinition[];

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
