import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';
import type { Workspace } from '../api/types';
import { toastError } from '../ui/toasts';
import { createStore } from '../lib/store';
import { useSelector } from '../lib/useSelector';

const KEY = 'trailmap.workspace';

/** The chosen workspace id, remembered per browser. */
export const workspaceStore = createStore<string | undefined>(localStorage.getItem(KEY) ?? undefined);
workspaceStore.subscribe(() => {
  const id = workspaceStore.get();
  if (id) localStorage.setItem(KEY, id);
});

const same = (id: string | undefined) => id;

/**
 * The user's workspaces and the current one; a first-time user gets a workspace made for them
 * so they can start mapping at once.
 */
export function useWorkspaces(userName: string) {
  const [workspaces, setWorkspaces] = useState<Workspace[] | undefined>();
  const current = useSelector(workspaceStore, same);
  useEffect(() => {
    let isActive = true;
    (async () => {
      let list = await endpoints.workspaces();
      if (list.length === 0) {
        await endpoints.createWorkspace(`${userName.split(' ')[0] || 'My'}'s workspace`);
        list = await endpoints.workspaces();
      }
      if (!isActive) return;
      setWorkspaces(list);
      if (!list.some((workspace) => workspace.id === workspaceStore.get())) workspaceStore.set(list[0]?.id);
    })().catch(toastError);
    return () => {
      isActive = false;
    };
  }, [userName]);
  const reload = () => endpoints.workspaces().then(setWorkspaces, toastError);
  return { workspaces, current: workspaces?.find((workspace) => workspace.id === current), reload };
}
