import { CARD_ACTIONS } from './cardActions';
import { EDIT_ACTIONS } from './editActions';
import { STRUCTURE_ACTIONS } from './structureActions';

/** Every action a binding id can trigger. */
export const ACTIONS = { ...EDIT_ACTIONS, ...CARD_ACTIONS, ...STRUCTURE_ACTIONS };
