import { useSyncExternalStore } from 'react';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/client';
import type { User } from '../api/types';
import { createStore } from '../lib/store';

export type AuthState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: User };

export const authStore = createStore<AuthState>({ status: 'loading' });
let loading: Promise<void> | undefined;

/** Asks the server who is signed in (once per page load, or again after sign-in/out). */
export function loadAuth(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = endpoints.me().then(
    (user) => authStore.set({ status: 'signedIn', user }),
    (error: unknown) => {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403))
        authStore.set({ status: 'signedOut' });
      else authStore.set({ status: 'signedOut' });
    },
  );
  return loading;
}

export function useAuth(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.get);
}

export const setSignedIn = (user: User) => authStore.set({ status: 'signedIn', user });
