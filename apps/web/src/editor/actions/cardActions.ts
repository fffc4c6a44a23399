import { COLOR_CYCLE, PRIORITY_CYCLE, nextInCycle } from '../../canvas/cardStyle';
import { keyboardMove } from '../../canvas/moves';
import { columnKeyOf } from '../../canvas/gridLayout';
import type { EditorApi } from '../EditorContext';
import type { FocusTarget } from '../viewState';
import type { CommandSource } from '../../session/MapSession';

type Action = (editor: EditorApi, target: FocusTarget, source: CommandSource) => void;

const selectedOr = (editor: EditorApi, target: FocusTarget) =>
  target.id && !editor.view.selection.includes(target.id)
    ? [target.id]
    : editor.view.selection.length
      ? editor.view.selection
      : target.id
        ? [target.id]
        : [];

const focusCard = (editor: EditorApi, id: string) =>
  editor.focusElement(`[data-card-id="${CSS.escape(id)}"]`);

function move(direction: Parameters<typeof keyboardMove>[2]): Action {
  return (editor, target, source) => {
    if (!target.id) return;
    const input = keyboardMove(editor.layout, target.id, direction);
    if (input && editor.run('card.move', input, source)) focusCard(editor, target.id);
  };
}

/** Card actions by binding id. */
export const CARD_ACTIONS: Record<string, Action> = {
  'card.add': (editor, target, source) => {
    const card = target.id ? editor.doc.cards.find((candidate) => candidate.id === target.id) : undefined;
    const laneId = card?.laneId ?? target.laneId;
    const stageId = card?.stageId ?? target.stageId;
    if (!laneId || !stageId) return;
    const stepId = card?.stepId ?? target.stepId;
    const before = new Set(editor.doc.cards.map((candidate) => candidate.id));
    const isAdded = editor.run(
      'card.add',
      {
        laneId,
        stageId,
        ...(stepId ? { stepId } : {}),
        text: '',
        tags: [],
        ...(card ? { after: card.id } : {}),
      },
      source,
    );
    if (!isAdded) return;
    const added = editor.session.getDoc().cards.find((candidate) => !before.has(candidate.id));
    if (added) editor.viewStore.set((view) => ({ ...view, selection: [added.id], editingId: added.id }));
  },
  'card.edit': (editor, target) => {
    if (target.id)
      editor.viewStore.set((view) => ({ ...view, editingId: target.id, selection: [target.id!] }));
  },
  'card.remove': (editor, target, source) => {
    const ids = selectedOr(editor, target);
    if (ids.length === 0) return;
    if (editor.run('cards.remove', { ids }, source)) {
      editor.viewStore.set((view) => ({ ...view, selection: [] }));
    }
  },
  'card.duplicate': (editor, target, source) => {
    const card = editor.doc.cards.find((candidate) => candidate.id === target.id);
    if (!card) return;
    editor.run('card.duplicate', { id: card.id }, source);
  },
  'card.moveUp': move('up'),
  'card.moveDown': move('down'),
  'card.moveLeft': move('left'),
  'card.moveRight': move('right'),
  'card.moveLaneUp': move('lane-up'),
  'card.moveLaneDown': move('lane-down'),
  'card.cycleColor': (editor, target, source) => {
    const ids = selectedOr(editor, target);
    const first = editor.doc.cards.find((card) => card.id === ids[0]);
    if (!first) return;
    const color = nextInCycle(COLOR_CYCLE, first.color) ?? null;
    editor.runBatch(
      ids.map((id) => ({ command: 'card.update', input: { id, color } })),
      source,
    );
  },
  'card.cyclePriority': (editor, target, source) => {
    const ids = selectedOr(editor, target);
    const first = editor.doc.cards.find((card) => card.id === ids[0]);
    if (!first) return;
    const priority = nextInCycle(PRIORITY_CYCLE, first.priority) ?? null;
    editor.runBatch(
      ids.map((id) => ({ command: 'card.update', input: { id, priority } })),
      source,
    );
  },
  'card.toggleSelect': (editor, target) => {
    if (!target.id) return;
    const id = target.id;
    editor.viewStore.set((view) => ({
      ...view,
      selection: view.selection.includes(id)
        ? view.selection.filter((other) => other !== id)
        : [...view.selection, id],
    }));
  },
  'card.comment': (editor, target) => {
    if (target.id) editor.viewStore.set((view) => ({ ...view, selection: [target.id!], panel: 'comments' }));
  },
};

/** The cell key a focus target points at (used to add a card to an empty cell). */
export const targetColumnKey = (target: FocusTarget) =>
  target.stageId ? columnKeyOf(target.stageId, target.stepId) : undefined;
