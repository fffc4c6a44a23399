import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Card } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';

const COMMIT_DELAY_MS = 400;

/**
 * Edits a card's text in place. Typing is sent as `card.update` every few hundred ms (one merged
 * undo step) so others see it live; Escape restores the text from before editing.
 */
export function CardTextEditor({ card }: { card: Card }) {
  const stable = useEditorStable();
  const [draft, setDraft] = useState(card.text);
  const original = useRef(card.text);
  const sent = useRef(card.text);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ref = useRef<HTMLTextAreaElement>(null);
  const isFinished = useRef(false);

  useEffect(() => {
    const area = ref.current;
    area?.focus();
    area?.setSelectionRange(area.value.length, area.value.length);
    return () => clearTimeout(timer.current);
  }, []);

  const send = (text: string) => {
    clearTimeout(timer.current);
    if (text === sent.current) return;
    sent.current = text;
    stable.run('card.update', { id: card.id, text }, 'ui');
  };
  const finish = (text: string) => {
    if (isFinished.current) return;
    isFinished.current = true;
    send(text);
    stable.session.stopCapturing();
    stable.viewStore.set((view) => ({
      ...view,
      editingId: view.editingId === card.id ? undefined : view.editingId,
    }));
    if (text.trim() === '' && original.current === '') stable.run('card.remove', { id: card.id }, 'ui');
    else stable.focusElement(`[data-card-id="${CSS.escape(card.id)}"]`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      finish(original.current);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || !event.shiftKey)) {
      // Enter finishes (like a sticky note); Shift+Enter adds a line.
      event.preventDefault();
      finish(draft);
    }
  };

  return (
    <textarea
      ref={ref}
      className="card-input"
      aria-label="Card text"
      data-testid="card-input"
      value={draft}
      maxLength={2000}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => send(text), COMMIT_DELAY_MS);
      }}
      onBlur={() => finish(draft)}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
