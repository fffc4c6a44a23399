import { copyCards, parseClipboard, pasteCalls } from '../../canvas/clipboard';
import { orderedSelection } from '../../canvas/moves';
import { showToast } from '../../ui/toasts';
import type { EditorApi } from '../EditorContext';
import type { FocusTarget } from '../viewState';
import type { CommandSource } from '../../session/MapSession';

type Action = (editor: EditorApi, target: FocusTarget, source: CommandSource) => void;

/** Falls back to an in-page clipboard when the browser refuses clipboard access. */
let pageClipboard = '';

async function writeClipboard(text: string) {
  pageClipboard = text;
  try {
    await navigator.clipboard?.writeText(text);
  } catch (error) {
    console.info('system clipboard unavailable, kept the copy in this tab', error);
  }
}

async function readClipboard(): Promise<string> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) return text;
  } catch (error) {
    console.info('system clipboard unavailable, pasting from this tab', error);
  }
  return pageClipboard;
}

function copy(editor: EditorApi, target: FocusTarget): number {
  const ids = editor.view.selection.length
    ? orderedSelection(editor.doc, editor.view.selection)
    : target.id
      ? [target.id]
      : [];
  if (ids.length === 0) return 0;
  void writeClipboard(JSON.stringify(copyCards(editor.doc, ids)));
  return ids.length;
}

/** Undo may move the focused card to another cell (a new element): focus it again there. */
function keepFocus(editor: EditorApi, target: FocusTarget, change: () => void) {
  const cardId = target.kind === 'card' ? target.id : undefined;
  change();
  if (cardId) editor.focusElement(`[data-card-id="${CSS.escape(cardId)}"]`);
}

/** Clipboard, selection, history and view actions by binding id. */
export const EDIT_ACTIONS: Record<string, Action> = {
  'editor.undo': (editor, target) => keepFocus(editor, target, () => editor.session.undo()),
  'editor.redo': (editor, target) => keepFocus(editor, target, () => editor.session.redo()),
  'editor.redoAlt': (editor, target) => keepFocus(editor, target, () => editor.session.redo()),
  'editor.help': (editor) => editor.viewStore.set((view) => ({ ...view, isHelpOpen: !view.isHelpOpen })),
  'editor.selectAll': (editor) =>
    editor.viewStore.set((view) => ({ ...view, selection: editor.doc.cards.map((card) => card.id) })),
  'editor.clearSelection': (editor) =>
    editor.viewStore.set((view) => ({
      ...view,
      selection: [],
      opportunityId: undefined,
      emotionAt: undefined,
      openMenuId: undefined,
      isHelpOpen: false,
      panel: view.panel === 'card' ? 'none' : view.panel,
    })),
  'editor.copy': (editor, target) => {
    const count = copy(editor, target);
    if (count) showToast('info', `Copied ${count} card${count === 1 ? '' : 's'}`);
  },
  'editor.cut': (editor, target, source) => {
    const ids = editor.view.selection.length ? editor.view.selection : target.id ? [target.id] : [];
    if (copy(editor, target) && editor.run('cards.remove', { ids }, source)) {
      editor.viewStore.set((view) => ({ ...view, selection: [] }));
    }
  },
  'editor.paste': (editor, target, source) => {
    const card = editor.doc.cards.find((candidate) => candidate.id === target.id);
    const laneId = card?.laneId ?? target.laneId;
    const stageId = card?.stageId ?? target.stageId;
    if (!laneId || !stageId) {
      showToast('info', 'Focus a card or a cell to paste into.');
      return;
    }
    const stepId = card?.stepId ?? target.stepId;
    void readClipboard().then((text) => {
      const calls = pasteCalls(editor.session.getDoc(), parseClipboard(text) ?? text, {
        laneId,
        stageId,
        ...(stepId ? { stepId } : {}),
      });
      if (calls.length) editor.runBatch(calls, source);
    });
  },
  'editor.present': (editor) => {
    window.history.pushState(null, '', `/maps/${encodeURIComponent(editor.session.mapId)}/present`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  },
};
