import { useSyncExternalStore } from 'react';
import { dismissToast, toastStore } from './toasts';

/** Announces toasts politely to screen readers; errors stay until dismissed or timed out. */
export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.tone}`}
          data-testid={`toast-${toast.tone}`}
          data-code={toast.code}
        >
          <span>{toast.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
