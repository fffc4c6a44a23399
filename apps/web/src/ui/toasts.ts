import { createStore } from '../lib/store';
import { describeError } from '../lib/errorMessages';

export interface Toast {
  id: number;
  tone: 'error' | 'info' | 'success';
  message: string;
  code?: string;
}

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;

export function showToast(tone: Toast['tone'], message: string, code?: string): void {
  const toast: Toast = { id: nextId++, tone, message, ...(code ? { code } : {}) };
  toastStore.set((toasts) => [...toasts.slice(-4), toast]);
  setTimeout(() => dismissToast(toast.id), tone === 'error' ? 8000 : 4000);
}

export function dismissToast(id: number): void {
  toastStore.set((toasts) => toasts.filter((toast) => toast.id !== id));
}

/** Shows what went wrong, by error code; never a stack trace. */
export function toastError(error: unknown): void {
  const { code, message } = describeError(error);
  if (code === 'INTERNAL') console.warn('unexpected error', error);
  showToast('error', message, code);
}
