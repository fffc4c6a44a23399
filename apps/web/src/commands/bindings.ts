/**
 * UI-only metadata per command id (label, icon, shortcut, where it applies). Core commands keep
 * their ids from @trailmap/core; `editor.*` ids are view actions that never touch the document.
 */

/** Where a shortcut is live: the element kind that has focus (or the whole editor). */
export type BindingContext = 'editor' | 'card' | 'cardText' | 'stage' | 'lane' | 'emotion' | 'opportunity';

export interface CommandBinding {
  id: string;
  label: string;
  icon?: string;
  /** `Mod` is Ctrl on Linux/Windows and Cmd on macOS; keys are KeyboardEvent.key names. */
  shortcut?: string;
  context: BindingContext;
  /** Shown in the help overlay under this group. */
  group: 'Edit' | 'Cards' | 'Stages' | 'Lanes' | 'Emotion' | 'View' | 'History';
  /** Only available when the map may be edited. */
  isEdit: boolean;
}

const b = (binding: CommandBinding) => binding;

export const BINDINGS: readonly CommandBinding[] = [
  // Document history
  b({
    id: 'editor.undo',
    label: 'Undo',
    shortcut: 'Mod+z',
    context: 'editor',
    group: 'History',
    isEdit: true,
  }),
  b({
    id: 'editor.redo',
    label: 'Redo',
    shortcut: 'Mod+Shift+z',
    context: 'editor',
    group: 'History',
    isEdit: true,
  }),
  b({
    id: 'editor.redoAlt',
    label: 'Redo',
    shortcut: 'Mod+y',
    context: 'editor',
    group: 'History',
    isEdit: true,
  }),
  // View
  b({
    id: 'editor.help',
    label: 'Keyboard shortcuts',
    shortcut: '?',
    context: 'editor',
    group: 'View',
    isEdit: false,
  }),
  b({
    id: 'editor.present',
    label: 'Present',
    shortcut: 'Mod+Shift+p',
    context: 'editor',
    group: 'View',
    isEdit: false,
  }),
  b({
    id: 'editor.selectAll',
    label: 'Select all cards',
    shortcut: 'Mod+a',
    context: 'editor',
    group: 'Edit',
    isEdit: false,
  }),
  b({
    id: 'editor.clearSelection',
    label: 'Clear selection',
    shortcut: 'Escape',
    context: 'editor',
    group: 'Edit',
    isEdit: false,
  }),
  b({
    id: 'editor.copy',
    label: 'Copy cards',
    shortcut: 'Mod+c',
    context: 'editor',
    group: 'Edit',
    isEdit: false,
  }),
  b({
    id: 'editor.cut',
    label: 'Cut cards',
    shortcut: 'Mod+x',
    context: 'editor',
    group: 'Edit',
    isEdit: true,
  }),
  b({
    id: 'editor.paste',
    label: 'Paste cards',
    shortcut: 'Mod+v',
    context: 'editor',
    group: 'Edit',
    isEdit: true,
  }),
  // Cards
  b({
    id: 'card.add',
    label: 'Add card',
    icon: '+',
    shortcut: 'n',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.edit',
    label: 'Edit card text',
    shortcut: 'Enter',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.update',
    label: 'Finish editing',
    shortcut: 'Mod+Enter',
    context: 'cardText',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.cancelEdit',
    label: 'Cancel editing',
    shortcut: 'Escape',
    context: 'cardText',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.remove',
    label: 'Delete card',
    shortcut: 'Delete',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.removeAlt',
    label: 'Delete card',
    shortcut: 'Backspace',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.duplicate',
    label: 'Duplicate card',
    shortcut: 'Mod+d',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveUp',
    label: 'Move card up',
    shortcut: 'Alt+ArrowUp',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveDown',
    label: 'Move card down',
    shortcut: 'Alt+ArrowDown',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveLeft',
    label: 'Move card to previous stage',
    shortcut: 'Alt+ArrowLeft',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveRight',
    label: 'Move card to next stage',
    shortcut: 'Alt+ArrowRight',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveLaneUp',
    label: 'Move card to lane above',
    shortcut: 'Alt+Shift+ArrowUp',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.moveLaneDown',
    label: 'Move card to lane below',
    shortcut: 'Alt+Shift+ArrowDown',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.cycleColor',
    label: 'Next color',
    shortcut: 'c',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.cyclePriority',
    label: 'Next priority',
    shortcut: 'p',
    context: 'card',
    group: 'Cards',
    isEdit: true,
  }),
  b({
    id: 'card.toggleSelect',
    label: 'Add to selection',
    shortcut: 'Shift+ ',
    context: 'card',
    group: 'Cards',
    isEdit: false,
  }),
  b({ id: 'card.comment', label: 'Comments', shortcut: 'm', context: 'card', group: 'Cards', isEdit: false }),
  // Stages
  b({
    id: 'stage.add',
    label: 'Add stage',
    icon: '+',
    shortcut: 'Mod+Shift+s',
    context: 'editor',
    group: 'Stages',
    isEdit: true,
  }),
  b({
    id: 'stage.update',
    label: 'Rename stage',
    shortcut: 'Enter',
    context: 'stage',
    group: 'Stages',
    isEdit: true,
  }),
  b({
    id: 'stage.moveLeft',
    label: 'Move stage left',
    shortcut: 'Alt+ArrowLeft',
    context: 'stage',
    group: 'Stages',
    isEdit: true,
  }),
  b({
    id: 'stage.moveRight',
    label: 'Move stage right',
    shortcut: 'Alt+ArrowRight',
    context: 'stage',
    group: 'Stages',
    isEdit: true,
  }),
  b({
    id: 'stage.remove',
    label: 'Delete stage',
    shortcut: 'Delete',
    context: 'stage',
    group: 'Stages',
    isEdit: true,
  }),
  b({
    id: 'stage.collapse',
    label: 'Collapse stage',
    shortcut: '-',
    context: 'stage',
    group: 'Stages',
    isEdit: false,
  }),
  // Lanes
  b({
    id: 'lane.add',
    label: 'Add lane',
    icon: '+',
    shortcut: 'Mod+Shift+l',
    context: 'editor',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.update',
    label: 'Rename lane',
    shortcut: 'Enter',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.moveUp',
    label: 'Move lane up',
    shortcut: 'Alt+ArrowUp',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.moveDown',
    label: 'Move lane down',
    shortcut: 'Alt+ArrowDown',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.remove',
    label: 'Delete lane',
    shortcut: 'Delete',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.line',
    label: 'Blueprint line above lane…',
    shortcut: 'b',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  b({
    id: 'lane.collapse',
    label: 'Collapse lane',
    shortcut: '-',
    context: 'lane',
    group: 'Lanes',
    isEdit: true,
  }),
  // Emotion curve
  b({
    id: 'emotion.up',
    label: 'Feel better',
    shortcut: 'ArrowUp',
    context: 'emotion',
    group: 'Emotion',
    isEdit: true,
  }),
  b({
    id: 'emotion.down',
    label: 'Feel worse',
    shortcut: 'ArrowDown',
    context: 'emotion',
    group: 'Emotion',
    isEdit: true,
  }),
];

/** Core command ids the editor calls; checked against @trailmap/core's registry by a test. */
export const CORE_COMMAND_IDS = [
  'stage.add',
  'stage.update',
  'stage.move',
  'stage.remove',
  'lane.add',
  'lane.update',
  'lane.move',
  'lane.remove',
  'card.add',
  'card.update',
  'card.move',
  'card.remove',
  'cards.remove',
  'card.duplicate',
  'emotion.set',
  'map.update',
  'persona.update',
  'opportunity.add',
  'opportunity.update',
] as const;

export const bindingById = (id: string) => BINDINGS.find((binding) => binding.id === id);
