import { useState } from 'react';
import { useEditor } from './EditorContext';
import { InlineText } from '../ui/InlineText';
import { EditButton } from '../ui/EditButton';
import { PersonaLibraryPicker } from './PersonaLibraryPicker';

type ListField = 'goals' | 'needs' | 'frustrations';

/** The map's point of view: who, their goals, needs and frustrations; edited in place. */
export function PersonaPanel() {
  const editor = useEditor();
  const persona = editor.doc.personas.find((candidate) => candidate.id === editor.doc.map.personaId);
  const [editing, setEditing] = useState<string | undefined>();
  const canEdit = editor.status.canEdit;
  if (!persona) {
    return (
      <section className="panel" aria-labelledby="persona-title" data-testid="persona-panel">
        <h2 id="persona-title">Persona</h2>
        <p>This map has no persona yet.</p>
        <PersonaLibraryPicker />
        {canEdit && (
          <button
            type="button"
            className="primary"
            onClick={() => editor.run('persona.add', { name: 'New persona', makePrimary: true }, 'ui')}
          >
            Add a persona
          </button>
        )}
      </section>
    );
  }
  const save = (field: string) => (value: string) => {
    setEditing(undefined);
    const isList = field === 'goals' || field === 'needs' || field === 'frustrations';
    const input = isList
      ? value
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
      : value.trim() || (field === 'name' ? undefined : null);
    if (input !== undefined) editor.run('persona.update', { id: persona.id, [field]: input }, 'ui');
    editor.session.stopCapturing();
  };
  const field = (name: 'name' | 'role' | 'quote', label: string) =>
    editing === name ? (
      <InlineText label={label} value={persona[name] ?? ''} onCommit={save(name)} />
    ) : (
      <p className={`persona-${name}`}>
        {persona[name] || <span className="muted">{canEdit ? `No ${label.toLowerCase()} yet` : ''}</span>}{' '}
        {canEdit && <EditButton what={label.toLowerCase()} onClick={() => setEditing(name)} />}
      </p>
    );
  const list = (name: ListField, label: string) => (
    <div className="persona-list">
      <h3>
        {label}{' '}
        {canEdit && editing !== name && (
          <EditButton what={label.toLowerCase()} onClick={() => setEditing(name)} />
        )}
      </h3>
      {editing === name ? (
        <InlineText
          label={`${label}, one per line`}
          value={persona[name].join('\n')}
          onCommit={save(name)}
          isMultiline
        />
      ) : persona[name].length ? (
        <ul>
          {persona[name].map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet</p>
      )}
    </div>
  );
  return (
    <section className="panel persona-panel" aria-labelledby="persona-title" data-testid="persona-panel">
      <h2 id="persona-title" className="visually-hidden">
        Persona
      </h2>
      <div className="persona-head">
        <span className="persona-avatar" aria-hidden="true">
          {persona.avatar ?? persona.name.slice(0, 1)}
        </span>
        <div>
          {field('name', 'Name')}
          {field('role', 'Role')}
        </div>
      </div>
      {field('quote', 'Quote')}
      {list('goals', 'Goals')}
      {list('needs', 'Needs')}
      {list('frustrations', 'Frustrations')}
      <PersonaLibraryPicker />
    </section>
  );
}
