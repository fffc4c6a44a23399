import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { CommandCall } from '@trailmap/core';
import type { CommandSource, MapSession } from '../session/MapSession';
import type { CollaborationApi } from '../collab/CollaborationApi';
import { layoutGrid, type GridLayout } from '../canvas/gridLayout';
import { reuseLayout } from '../canvas/reuseLayout';
import { pruneSelection } from '../canvas/selection';
import { createStore } from '../lib/store';
import { toastError } from '../ui/toasts';
import { ACTIONS } from './actions';
import { EditorContext, EditorStableContext, type EditorApi, type EditorStable } from './EditorContext';
import { initialViewState, type FocusTarget, type ViewState } from './viewState';

interface Props {
  session: MapSession;
  collaboration?: CollaborationApi;
  children: ReactNode;
}

/** Owns the view state of one open map and exposes the editor API to its components. */
export function EditorProvider({ session, collaboration, children }: Props) {
  const viewStore = useMemo(() => createStore<ViewState>(initialViewState), []);
  const doc = useSyncExternalStore(session.subscribe, session.getDoc);
  const status = useSyncExternalStore(session.subscribe, session.getStatus);
  const view = useSyncExternalStore(viewStore.subscribe, viewStore.get);
  // The previous layout lends its unchanged rows, cells and cards to the next one (see reuseLayout).
  const previousLayout = useRef<GridLayout | undefined>(undefined);
  const layout = useMemo(() => {
    const started = performance.now();
    const result = reuseLayout(layoutGrid(doc, view.collapsedStages), previousLayout.current);
    previousLayout.current = result;
    performance.measure('trailmap:layout', { start: started, end: performance.now() });
    return result;
  }, [doc, view.collapsedStages]);
  const editorRef = useRef<EditorApi | undefined>(undefined);

  useEffect(() => {
    if (viewStore.get().selection.length === 0) return;
    const existing = new Set(doc.cards.map((card) => card.id));
    viewStore.set((current) => {
      const selection = pruneSelection(current.selection, existing);
      return selection === current.selection ? current : { ...current, selection };
    });
  }, [doc, viewStore]);

  const run = useCallback(
    (id: string, input: unknown, source: CommandSource) => {
      try {
        session.runCommand(id, input, source);
        return true;
      } catch (error) {
        toastError(error);
        return false;
      }
    },
    [session],
  );
  const runBatch = useCallback(
    (calls: readonly CommandCall[], source: CommandSource) => {
      try {
        session.runBatch(calls, source);
        return true;
      } catch (error) {
        toastError(error);
        return false;
      }
    },
    [session],
  );
  const perform = useCallback((actionId: string, target: FocusTarget, source: CommandSource) => {
    const action = ACTIONS[actionId as keyof typeof ACTIONS];
    if (action && editorRef.current) action(editorRef.current, target, source);
  }, []);
  const focusElement = useCallback((selector: string) => {
    // After React commits the change that moved the element.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
  }, []);

  const editor = useMemo<EditorApi>(
    () => ({
      session,
      doc,
      status,
      layout,
      view,
      viewStore,
      collaboration,
      run,
      runBatch,
      perform,
      focusElement,
    }),
    [session, doc, status, layout, view, viewStore, collaboration, run, runBatch, perform, focusElement],
  );
  editorRef.current = editor;
  const stable = useMemo<EditorStable>(
    () => ({ get: () => editorRef.current!, viewStore, session, run, runBatch, perform, focusElement }),
    [viewStore, session, run, runBatch, perform, focusElement],
  );
  return (
    <EditorStableContext.Provider value={stable}>
      <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>
    </EditorStableContext.Provider>
  );
}
