import { useEffect, useState } from 'react';
import { describeError } from '../lib/errorMessages';

export type Loaded<T> =
  | { state: 'idle' }
  | { state: 'loading'; previous?: T }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string; previous?: T };

/**
 * Runs `load` whenever `key` changes (null: don't run) and keeps the last value while a newer one
 * loads, so charts do not blink on refresh. Answers to superseded keys are dropped.
 */
export function useLoaded<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'idle' });
  useEffect(() => {
    if (key === null) {
      setLoaded({ state: 'idle' });
      return;
    }
    let isCurrent = true;
    setLoaded((previous) => ({ state: 'loading', ...previousValue(previous) }));
    load().then(
      (value) => isCurrent && setLoaded({ state: 'ready', value }),
      (error: unknown) =>
        isCurrent &&
        setLoaded((previous) => ({
          state: 'error',
          message: describeError(error).message,
          ...previousValue(previous),
        })),
    );
    return () => {
      isCurrent = false;
    };
    // `load` closes over what `key` describes; the key decides when to run.
  }, [key]);
  return loaded;
}

function previousValue<T>(loaded: Loaded<T>): { previous?: T } {
  if (loaded.state === 'ready') return { previous: loaded.value };
  if ((loaded.state === 'loading' || loaded.state === 'error') && loaded.previous !== undefined)
    return { previous: loaded.previous };
  return {};
}

/** The value to show: the current one, or the previous one while reloading. */
export function valueOf<T>(loaded: Loaded<T>): T | undefined {
  if (loaded.state === 'ready') return loaded.value;
  if (loaded.state === 'loading' || loaded.state === 'error') return loaded.previous;
  return undefined;
}
