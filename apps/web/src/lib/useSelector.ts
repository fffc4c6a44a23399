import { useCallback, useSyncExternalStore } from 'react';

interface Subscribable<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/** Re-renders only when the selected slice (compared with Object.is) changes. */
export function useSelector<T, R>(store: Subscribable<T>, select: (value: T) => R): R {
  const getSnapshot = useCallback(() => select(store.get()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}
