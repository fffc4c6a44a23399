import { useEditor } from './EditorContext';

const LABELS = {
  saved: 'All changes saved',
  saving: 'Saving…',
  offline: 'Offline — changes will sync when you reconnect',
  error: 'Not saved — retrying',
  local: 'Local sandbox (not saved)',
} as const;

/** Autosave and connection state, announced politely. */
export function SaveIndicator() {
  const { status } = useEditor();
  const state = status.isOnline ? status.save : 'offline';
  return (
    <span
      className={`save-indicator save-${state}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state}
    >
      <span className="save-dot" aria-hidden="true" />
      {status.canEdit ? LABELS[state] : 'View only'}
    </span>
  );
}
