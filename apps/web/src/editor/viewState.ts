/** What one person sees and has selected; never stored in the document. */
export interface ViewState {
  selection: string[];
  /** The opportunity shown in the side panel. */
  opportunityId?: string;
  editingId?: string;
  /** The emotion point (by stage/step, as it may not exist yet) shown in the side panel. */
  emotionAt?: { stageId: string; stepId?: string };
  /** The record whose menu (e.g. a lane's blueprint line) is open. */
  openMenuId?: string;
  collapsedStages: ReadonlySet<string>;
  mode: 'map' | 'plan';
  panel: 'none' | 'persona' | 'card' | 'comments';
  isHelpOpen: boolean;
}

export const initialViewState: ViewState = {
  selection: [],
  collapsedStages: new Set(),
  mode: 'map',
  panel: 'none',
  isHelpOpen: false,
};

export interface FocusTarget {
  kind: 'card' | 'cardText' | 'stage' | 'lane' | 'emotion' | 'cell' | 'opportunity' | 'editor';
  id?: string;
  laneId?: string;
  stageId?: string;
  stepId?: string;
  /** For "add lane" from the toolbar: which kind of lane. */
  laneKind?: string;
}

/** Reads what the keyboard is on from data attributes of the focused element. */
export function focusTargetOf(element: Element | null): FocusTarget {
  const holder = element?.closest<HTMLElement>('[data-kind]');
  if (!holder) return { kind: 'editor' };
  const { kind, id, laneId, stageId, stepId } = holder.dataset;
  const isText = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement;
  return {
    kind: isText && kind === 'card' ? 'cardText' : ((kind as FocusTarget['kind']) ?? 'editor'),
    ...(id ? { id } : {}),
    ...(laneId ? { laneId } : {}),
    ...(stageId ? { stageId } : {}),
    ...(stepId ? { stepId } : {}),
  };
}
