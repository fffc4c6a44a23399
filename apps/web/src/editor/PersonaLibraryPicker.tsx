import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';
import type { LibraryPersona } from '../api/types';
import { workspaceStore } from '../shell/workspace';
import { useEditor } from './EditorContext';

/** Puts a persona from the workspace library on this map (as a linked copy) and makes it primary. */
export function PersonaLibraryPicker() {
  const editor = useEditor();
  const [library, setLibrary] = useState<LibraryPersona[]>([]);
  const workspaceId = workspaceStore.get();
  useEffect(() => {
    // The sandbox (a local session) has no server to ask.
    if (!workspaceId || !editor.status.canEdit || editor.status.save === 'local') return;
    endpoints
      .personas(workspaceId)
      .then(setLibrary, (error: unknown) => console.info('persona library unavailable', error));
  }, [workspaceId, editor.status.canEdit, editor.status.save]);
  if (library.length === 0) return null;
  const use = (id: string) => {
    const entry = library.find((candidate) => candidate.id === id);
    if (!entry) return;
    const existing = editor.doc.personas.find((persona) => persona.libraryId === id);
    if (existing) editor.run('persona.set-primary', { id: existing.id }, 'ui');
    else editor.run('persona.add', { ...entry.persona, libraryId: id, makePrimary: true }, 'ui');
  };
  return (
    <label className="field">
      Use a persona from the library
      <select value="" onChange={(e) => use(e.target.value)} data-testid="persona-library-picker">
        <option value="">Choose…</option>
        {library.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.persona.name}
            {entry.persona.role ? ` · ${entry.persona.role}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
