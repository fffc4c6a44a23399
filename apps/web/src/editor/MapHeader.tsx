import { useState } from 'react';
import { useEditor } from './EditorContext';
import { InlineText } from '../ui/InlineText';
import { MAP_TYPE_LABELS } from '../shell/mapTypes';

/** Title, map type, the scenario and the persona's expectations, all editable in place. */
export function MapHeader() {
  const editor = useEditor();
  const { map } = editor.doc;
  const [editing, setEditing] = useState<'title' | 'scenario' | 'expectations' | undefined>();
  const canEdit = editor.status.canEdit;
  const commit = (field: 'title' | 'scenario' | 'expectations') => (value: string) => {
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
  const editable = (field: 'title' | 'scenario' | 'expectations', label: string) =>
    canEdit
      ? {
          role: 'button',
          tabIndex: 0,
          'aria-label': `Edit ${label}`,
          onClick: () => setEditing(field),
          onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && setEditing(field),
        }
      : {};
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
          <h1 className="map-title" data-testid="map-title" {...editable('title', 'title')}>
            {map.title}
          </h1>
        )}
        <span className={`map-type map-type-${map.type}`}>{MAP_TYPE_LABELS[map.type]}</span>
      </div>
      <div className="map-context">
        <section className="map-scenario" aria-label="Scenario">
          <h2>Scenario</h2>
          {editing === 'scenario' ? (
            <InlineText
              label="Scenario"
              value={map.scenario ?? ''}
              onCommit={commit('scenario')}
              isMultiline
            />
          ) : (
            <p {...editable('scenario', 'scenario')} data-testid="map-scenario">
              {map.scenario || (canEdit ? 'Describe the situation and the goal…' : '—')}
            </p>
          )}
        </section>
        <section className="map-expectations" aria-label="Expectations">
          <h2>Expectations</h2>
          {editing === 'expectations' ? (
            <InlineText
              label="Expectations, one per line"
              value={map.expectations.join('\n')}
              onCommit={commit('expectations')}
              isMultiline
            />
          ) : (
            <ul {...editable('expectations', 'expectations')}>
              {map.expectations.length ? (
                map.expectations.map((line, i) => <li key={i}>{line}</li>)
              ) : (
                <li>{canEdit ? 'What do they expect to happen?' : '—'}</li>
              )}
            </ul>
          )}
        </section>
      </div>
    </header>
  );
}
