/** Pure selection rules: click selects one, Shift/Ctrl/Cmd-click toggles, range by order. */
export function nextSelection(
  current: readonly string[],
  clickedId: string,
  modifiers: { isToggle: boolean },
): string[] {
  if (!modifiers.isToggle) return [clickedId];
  return current.includes(clickedId) ? current.filter((id) => id !== clickedId) : [...current, clickedId];
}

/** Drops ids that no longer exist (removed by someone else) without changing order. */
export function pruneSelection(selection: readonly string[], existing: ReadonlySet<string>): string[] {
  const kept = selection.filter((id) => existing.has(id));
  return kept.length === selection.length ? (selection as string[]) : kept;
}
