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
import { duplicateStage } from './stage/duplicateStage';
import { addStep } from './step/addStep';
import { updateStep } from './step/updateStep';
import { moveStep } from './step/moveStep';
import { removeStep } from './step/removeStep';
import { addLane } from './lane/addLane';
import { updateLane } from './lane/updateLane';
import { moveLane } from './lane/moveLane';
import { removeLane } from './lane/removeLane';
import { addCard } from './card/addCard';
import { updateCard } from './card/updateCard';
import { moveCard } from './card/moveCard';
import { removeCard } from './card/removeCard';
import { duplicateCard } from './card/duplicateCard';
import { removeCards } from './card/removeCards';
import { pasteCards } from './card/pasteCards';
import { moveCards } from './card/moveCards';
import { setEmotion } from './emotion/setEmotion';
import { clearEmotion } from './emotion/clearEmotion';
import { addConnection } from './connection/addConnection';
import { updateConnection } from './connection/updateConnection';
import { removeConnection } from './connection/removeConnection';
import { addOpportunity } from './opportunity/addOpportunity';
import { updateOpportunity } from './opportunity/updateOpportunity';
import { moveOpportunity } from './opportunity/moveOpportunity';
import { removeOpportunity } from './opportunity/removeOpportunity';
import { voteOpportunity } from './opportunity/voteOpportunity';
import { linkProblem } from './opportunity/linkProblem';
import { unlinkProblem } from './opportunity/unlinkProblem';
import { addEvidence } from './evidence/addEvidence';
import { updateEvidence } from './evidence/updateEvidence';
import { removeEvidence } from './evidence/removeEvidence';
import { restoreEvidence } from './evidence/restoreEvidence';
import { linkEvidence } from './evidence/linkEvidence';
import { unlinkEvidence } from './evidence/unlinkEvidence';
import { setBinding } from './binding/setBinding';
import { removeBinding } from './binding/removeBinding';
import { compactDoc } from './doc/compactDoc';
import { repairDoc } from './doc/repairDoc';
import { replaceDoc } from './doc/replaceDoc';

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
  duplicateStage,
  addStep,
  updateStep,
  moveStep,
  removeStep,
  addLane,
  updateLane,
  moveLane,
  removeLane,
  addCard,
  updateCard,
  moveCard,
  removeCard,
  duplicateCard,
  removeCards,
  pasteCards,
  moveCards,
  setEmotion,
  clearEmotion,
  addConnection,
  updateConnection,
  removeConnection,
  addOpportunity,
  updateOpportunity,
  moveOpportunity,
  removeOpportunity,
  voteOpportunity,
  linkProblem,
  unlinkProblem,
  addEvidence,
  updateEvidence,
  removeEvidence,
  restoreEvidence,
  linkEvidence,
  unlinkEvidence,
  setBinding,
  removeBinding,
  compactDoc,
  repairDoc,
  replaceDoc,
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
