import type { BindingContext, CommandBinding } from './bindings';

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Canonical form of a shortcut: modifiers in a fixed order, key lower-cased if it is a letter. */
export function normalizeShortcut(shortcut: string): string {
  const parts = shortcut.split('+');
  // "Shift+ " (space) and "?" keep their key; a trailing "+" key would split into an empty part.
  const key = parts.pop() ?? '';
  const modifiers = new Set(parts.map((part) => part.toLowerCase()));
  const order = ['mod', 'alt', 'shift'].filter((modifier) => modifiers.has(modifier));
  return [...order, key.length === 1 ? key.toLowerCase() : key].join('+');
}

/** The shortcut string a key press spells, in canonical form. */
export function shortcutOf(press: KeyPress): string {
  const parts: string[] = [];
  if (press.ctrlKey || press.metaKey) parts.push('mod');
  if (press.altKey) parts.push('alt');
  // "?" already implies Shift on most layouts; a printable symbol is matched without it.
  const isSymbol = press.key.length === 1 && !/[a-z0-9 ]/i.test(press.key);
  if (press.shiftKey && !isSymbol) parts.push('shift');
  parts.push(press.key.length === 1 ? press.key.toLowerCase() : press.key);
  return parts.join('+');
}

/**
 * The one binding a key press triggers in the focused context, falling back to editor-wide
 * bindings. Two matches in the same context would be ambiguous: nothing runs (a test forbids it).
 */
export function findBinding(
  bindings: readonly CommandBinding[],
  press: KeyPress,
  context: BindingContext,
  canEdit: boolean,
): CommandBinding | undefined {
  const pressed = shortcutOf(press);
  const usable = (binding: CommandBinding) =>
    binding.shortcut !== undefined &&
    (canEdit || !binding.isEdit) &&
    normalizeShortcut(binding.shortcut) === pressed;
  for (const scope of context === 'editor' ? ['editor'] : [context, 'editor']) {
    const matches = bindings.filter((binding) => binding.context === scope && usable(binding));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}

/** Shortcut as shown to people: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function displayShortcut(shortcut: string, isMac: boolean): string {
  const normalized = normalizeShortcut(shortcut);
  const parts = normalized.split('+');
  const key = parts.pop() ?? '';
  const names: Record<string, string> = isMac
    ? { mod: '⌘', alt: '⌥', shift: '⇧' }
    : { mod: 'Ctrl', alt: 'Alt', shift: 'Shift' };
  const keyNames: Record<string, string> = {
    ArrowUp: '↑',
    ArrowDown: '↓',
    ArrowLeft: '←',
    ArrowRight: '→',
    ' ': 'Space',
  };
  const shown = [
    ...parts.map((part) => names[part] ?? part),
    keyNames[key] ?? (key.length === 1 ? key.toUpperCase() : key),
  ];
  return isMac ? shown.join('') : shown.join('+');
}
