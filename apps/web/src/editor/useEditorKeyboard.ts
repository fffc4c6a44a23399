import { useCallback, type KeyboardEvent } from 'react';
import { BINDINGS } from '../commands/bindings';
import { findBinding } from '../commands/shortcuts';
import type { EditorApi } from './EditorContext';
import { focusTargetOf } from './viewState';

/** One keydown handler for the whole editor: finds the binding for the focused element and runs it. */
export function useEditorKeyboard(editor: EditorApi) {
  return useCallback(
    (event: KeyboardEvent) => {
      const target = focusTargetOf(event.target as Element);
      const isTyping =
        target.kind === 'cardText' ||
        (event.target instanceof HTMLElement &&
          (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)));
      const context =
        target.kind === 'cardText'
          ? 'cardText'
          : isTyping
            ? undefined
            : target.kind === 'cell'
              ? 'card'
              : target.kind;
      if (context === undefined) return;
      const binding = findBinding(
        BINDINGS,
        event,
        context === 'opportunity' ? 'editor' : context,
        editor.status.canEdit,
      );
      if (!binding) return;
      // Text fields keep their own editing keys; only their explicit bindings are handled here.
      if (context === 'cardText' && binding.context !== 'cardText') return;
      event.preventDefault();
      event.stopPropagation();
      editor.perform(binding.id, target, 'keyboard');
    },
    [editor],
  );
}
