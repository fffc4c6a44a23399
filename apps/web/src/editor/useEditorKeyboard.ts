import { useCallback, useEffect, type KeyboardEvent } from 'react';
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

/**
 * Shortcuts also work when nothing is focused (focus fell back to <body>, e.g. after the focused
 * card moved away on undo): such key presses are handled as editor-wide.
 */
export function useBodyKeyboard(editor: EditorApi) {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.target !== document.body || event.defaultPrevented) return;
      const binding = findBinding(BINDINGS, event, 'editor', editor.status.canEdit);
      if (!binding) return;
      event.preventDefault();
      editor.perform(binding.id, { kind: 'editor' }, 'keyboard');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}
