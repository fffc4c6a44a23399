import { useCallback, useSyncExternalStore } from 'react';
import type { Journey } from '@trailmap/schema';
import { useSelector } from '../lib/useSelector';
import { useEditorStable } from './EditorContext';
import type { ViewState } from './viewState';

/**
 * Narrow reads for components of the grid: each re-renders only when its own slice changes, not on
 * every keystroke someone saves into another card. `select` must be stable (useCallback) or cheap.
 */
export function useDocSelector<R>(select: (doc: Journey) => R): R {
  const { session } = useEditorStable();
  return useSyncExternalStore(
    session.subscribe,
    useCallback(() => select(session.getDoc()), [session, select]),
  );
}

export function useCanEdit(): boolean {
  const { session } = useEditorStable();
  return useSyncExternalStore(
    session.subscribe,
    useCallback(() => session.getStatus().canEdit, [session]),
  );
}

export function useViewSelector<R>(select: (view: ViewState) => R): R {
  return useSelector(useEditorStable().viewStore, select);
}

/** Whether the record with this id is being edited inline (card text, lane or stage name). */
export function useIsEditing(id: string): boolean {
  return useViewSelector(useCallback((view: ViewState) => view.editingId === id, [id]));
}
