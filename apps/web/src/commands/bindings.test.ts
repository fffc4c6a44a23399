import { describe, expect, it } from 'vitest';
import { getCommand } from '@trailmap/core';
import { BINDINGS, CORE_COMMAND_IDS } from './bindings';
import { displayShortcut, findBinding, normalizeShortcut } from './shortcuts';

const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('command bindings', () => {
  it('never gives two commands the same shortcut in the same context', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const binding of BINDINGS) {
      if (!binding.shortcut) continue;
      const key = `${binding.context}|${normalizeShortcut(binding.shortcut)}`;
      const other = seen.get(key);
      if (other)
        clashes.push(`${other} and ${binding.id} both use ${binding.shortcut} in ${binding.context}`);
      seen.set(key, binding.id);
    }
    expect(clashes).toEqual([]);
  });

  it('calls only commands that core defines', () => {
    for (const id of CORE_COMMAND_IDS) expect(getCommand(id).id).toBe(id);
  });

  it('has unique ids', () => {
    const ids = BINDINGS.map((binding) => binding.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds the card binding before the editor-wide one', () => {
    expect(findBinding(BINDINGS, press('ArrowLeft', { alt: true }), 'card', true)?.id).toBe('card.moveLeft');
    expect(findBinding(BINDINGS, press('ArrowLeft', { alt: true }), 'stage', true)?.id).toBe(
      'stage.moveLeft',
    );
    expect(findBinding(BINDINGS, press('z', { ctrl: true }), 'card', true)?.id).toBe('editor.undo');
    expect(findBinding(BINDINGS, press('Z', { meta: true, shift: true }), 'editor', true)?.id).toBe(
      'editor.redo',
    );
  });

  it('hides editing shortcuts from viewers', () => {
    expect(findBinding(BINDINGS, press('Delete'), 'card', false)).toBeUndefined();
    expect(findBinding(BINDINGS, press('?', { shift: true }), 'card', false)?.id).toBe('editor.help');
  });

  it('shows shortcuts in the platform style', () => {
    expect(displayShortcut('Mod+Shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(displayShortcut('Mod+Shift+z', true)).toBe('⌘⇧Z');
    expect(displayShortcut('Alt+ArrowUp', false)).toBe('Alt+↑');
  });
});
