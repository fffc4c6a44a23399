import type { LaneKind } from '@trailmap/schema';
import { shiftPlacement } from '../../canvas/moves';
import { LANE_KIND_LABELS } from '@trailmap/render';
import type { EditorApi } from '../EditorContext';
import type { FocusTarget } from '../viewState';
import type { CommandSource } from '../../session/MapSession';

type Action = (editor: EditorApi, target: FocusTarget, source: CommandSource) => void;

const focusHeader = (editor: EditorApi, kind: 'stage' | 'lane', id: string) =>
  editor.focusElement(`[data-kind="${kind}"][data-id="${CSS.escape(id)}"]`);

function shift(kind: 'stage' | 'lane', delta: -1 | 1): Action {
  return (editor, target, source) => {
    if (!target.id) return;
    const siblings = kind === 'stage' ? editor.doc.stages : editor.doc.lanes;
    const placement = shiftPlacement(siblings, target.id, delta);
    if (placement && editor.run(`${kind}.move`, { id: target.id, ...placement }, source))
      focusHeader(editor, kind, target.id);
  };
}

function confirmRemove(kind: 'stage' | 'lane', editor: EditorApi, id: string): boolean {
  const count = editor.doc.cards.filter(
    (card) => (kind === 'stage' ? card.stageId : card.laneId) === id,
  ).length;
  return (
    count === 0 ||
    window.confirm(`Delete this ${kind} and its ${count} card${count === 1 ? '' : 's'}? You can undo.`)
  );
}

/** Stage and lane actions by binding id. */
export const STRUCTURE_ACTIONS: Record<string, Action> = {
  'stage.add': (editor, target, source) => {
    const after = target.kind === 'stage' ? target.id : undefined;
    editor.run(
      'stage.add',
      { name: `Stage ${editor.doc.stages.length + 1}`, ...(after ? { after } : {}) },
      source,
    );
  },
  'stage.update': (editor, target) => {
    if (target.id) editor.viewStore.set((view) => ({ ...view, editingId: target.id }));
  },
  'stage.moveLeft': shift('stage', -1),
  'stage.moveRight': shift('stage', 1),
  'stage.remove': (editor, target, source) => {
    if (target.id && confirmRemove('stage', editor, target.id))
      editor.run('stage.remove', { id: target.id }, source);
  },
  'stage.collapse': (editor, target) => {
    const id = target.id;
    if (!id) return;
    editor.viewStore.set((view) => {
      const collapsedStages = new Set(view.collapsedStages);
      if (collapsedStages.has(id)) collapsedStages.delete(id);
      else collapsedStages.add(id);
      return { ...view, collapsedStages };
    });
  },
  'lane.add': (editor, target, source) => {
    const after = target.kind === 'lane' ? target.id : undefined;
    const kind = (target.laneKind as LaneKind | undefined) ?? 'custom';
    editor.run(
      'lane.add',
      { kind, label: kind === 'custom' ? 'New lane' : LANE_KIND_LABELS[kind], ...(after ? { after } : {}) },
      source,
    );
  },
  'lane.update': (editor, target) => {
    if (target.id) editor.viewStore.set((view) => ({ ...view, editingId: target.id }));
  },
  'lane.moveUp': shift('lane', -1),
  'lane.moveDown': shift('lane', 1),
  'lane.remove': (editor, target, source) => {
    if (target.id && confirmRemove('lane', editor, target.id))
      editor.run('lane.remove', { id: target.id }, source);
  },
  'lane.line': (editor, target) => {
    if (target.id) editor.viewStore.set((view) => ({ ...view, openMenuId: target.id }));
  },
  'lane.collapse': (editor, target, source) => {
    const lane = editor.doc.lanes.find((candidate) => candidate.id === target.id);
    if (lane) editor.run('lane.update', { id: lane.id, collapsed: !lane.collapsed }, source);
  },
  'emotion.up': (editor, target, source) => nudgeEmotion(editor, target, source, 1),
  'emotion.down': (editor, target, source) => nudgeEmotion(editor, target, source, -1),
};

function nudgeEmotion(editor: EditorApi, target: FocusTarget, source: CommandSource, delta: number) {
  if (!target.stageId) return;
  const point = editor.doc.emotions.find(
    (emotion) => emotion.stageId === target.stageId && emotion.stepId === target.stepId,
  );
  const score = Math.max(-2, Math.min(2, (point?.score ?? 0) + delta));
  editor.run(
    'emotion.set',
    { stageId: target.stageId, ...(target.stepId ? { stepId: target.stepId } : {}), score },
    source,
  );
}
