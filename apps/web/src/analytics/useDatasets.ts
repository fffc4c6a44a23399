import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { datasetsApi } from './datasetsApi';
import type { DatasetInfo } from './types';

/** How often the open panel asks whether datasets changed (a re-upload gets a new `createdAt`). */
export const DATASET_POLL_MS = 3000;

/**
 * The workspace's datasets, polled while mounted; `refresh` re-asks at once. Polling stops for
 * good when the server refuses (not a member of the workspace): asking again will not help.
 */
export function useDatasets(workspaceId: string) {
  const [datasets, setDatasets] = useState<DatasetInfo[] | undefined>();
  const [isUnavailable, setUnavailable] = useState(false);
  const [isRefused, setRefused] = useState(false);
  const refresh = useCallback(
    () =>
      datasetsApi.list(workspaceId).then(
        (list) => {
          setUnavailable(false);
          // Keep the same array while nothing changed, so dependants do not re-fetch.
          setDatasets((previous) =>
            previous && JSON.stringify(previous) === JSON.stringify(list) ? previous : list,
          );
        },
        (error: unknown) => {
          setUnavailable(true);
          if (error instanceof ApiError && (error.status === 403 || error.status === 404)) setRefused(true);
        },
      ),
    [workspaceId],
  );
  useEffect(() => {
    if (isRefused) return;
    void refresh();
    const timer = setInterval(() => void refresh(), DATASET_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, isRefused]);
  return { datasets, isUnavailable, isRefused, refresh };
}
