import { useState } from 'react';
import { useEditor } from './EditorContext';
import { InlineText } from '../ui/InlineText';
import { EditButton } from '../ui/EditButton';
import { MAP_TYPE_LABELS } from '../shell/mapTypes';

type Field = 'title' | 'scenario' | 'expectations';

/** Title, map type, the scenario and the persona's expectations, all editable in place. */
export function MapHeader() {
  const editor = useEditor();
  const { map } = editor.doc;
  const [editing, setEditing] = useState<Field | undefined>();
  const canEdit = editor.status.canEdit;
  const commit = (field: Field) => (value: string) => {
    setEditing(undefined);
    const input =
      field === 'expectations'
        ? {
            expectations: value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          }
        : field === 'scenario'
          ? { scenario: value.trim() || null }
          : value.trim()
            ? { title: value.trim() }
            : undefined;
    if (input) editor.run('map.update', input, 'ui');
    editor.session.stopCapturing();
  };
  const edit = (field: Field, what: string) =>
    canEdit ? <EditButton what={what} onClick={() => setEditing(field)} testId={`edit-${field}`} /> : null;
  return (
    <header className="map-header" data-testid="map-header">
      <div className="map-title-row">
        {editing === 'title' ? (
          <InlineText
            label="Map title"
            value={map.title}
            onCommit={commit('title')}
            testId="map-title-input"
          />
        ) : (
          <h1
            className="map-title"
            data-testid="map-title"
            onDoubleClick={() => canEdit && setEditing('title')}
          >
            {map.title}
          </h1>
        )}
        {editing !== 'title' && edit('title', 'title')}
        <span className={`map-type map-type-${map.type}`}>{MAP_TYPE_LABELS[map.type]}</span>
      </div>
      <div className="map-context">
        <section className="map-scenario" aria-labelledby="scenario-heading">
          <h2 id="scenario-heading">Scenario {editing !== 'scenario' && edit('scenario', 'scenario')}</h2>
          {editing === 'scenario' ? (
            <InlineText
              label="Scenario"
              value={map.scenario ?? ''}
              onCommit={commit('scenario')}
              isMultiline
            />
          ) : (
            <p data-testid="map-scenario">
              {map.scenario || (canEdit ? 'Describe the situation and the goal.' : '—')}
            </p>
          )}
        </section>
        <section className="map-expectations" aria-labelledby="expectations-heading">
          <h2 id="expectations-heading">
            Expectations {editing !== 'expectations' && edit('expectations', 'expectations')}
          </h2>
          {editing === 'expectations' ? (
            <InlineText
              label="Expectations, one per line"
              value={map.expectations.join('\n')}
              onCommit={commit('expectations')}
              isMultiline
            />
          ) : map.expectations.length ? (
            <ul>
              {map.expectations.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{canEdit ? 'What do they expect to happen?' : '—'}</p>
          )}
        </section>
      </div>
    </header>
  );
}
