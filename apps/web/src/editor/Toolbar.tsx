import { useState, type ReactNode } from 'react';
import { LANE_KIND_OPTIONS } from '../canvas/LaneHeader';
import { useEditor } from './EditorContext';
import { SaveIndicator } from './SaveIndicator';
import { PeerAvatars } from '../collab/PeerAvatars';
import { bindingById } from '../commands/bindings';
import { displayShortcut } from '../commands/shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

const hint = (id: string) => {
  const shortcut = bindingById(id)?.shortcut;
  return shortcut ? ` (${displayShortcut(shortcut, isMac)})` : '';
};

/** Map-wide actions. Each button calls the same action as its keyboard shortcut. */
export function Toolbar({ extra }: { extra?: ReactNode }) {
  const editor = useEditor();
  const { status, view } = editor;
  const [laneKind, setLaneKind] = useState('custom');
  const act = (id: string) => () => editor.perform(id, { kind: 'editor' }, 'ui');
  const setView = (patch: Partial<typeof view>) =>
    editor.viewStore.set((current) => ({ ...current, ...patch }));
  return (
    <div className="toolbar" role="toolbar" aria-label="Map tools">
      <div className="toolbar-group">
        {status.canEdit && (
          <>
            <button
              type="button"
              onClick={act('editor.undo')}
              disabled={!status.canUndo}
              title={`Undo${hint('editor.undo')}`}
              data-testid="toolbar.undo"
            >
              ↶ Undo
            </button>
            <button
              type="button"
              onClick={act('editor.redo')}
              disabled={!status.canRedo}
              title={`Redo${hint('editor.redo')}`}
              data-testid="toolbar.redo"
            >
              ↷ Redo
            </button>
            <button
              type="button"
              onClick={act('stage.add')}
              title={`Add stage${hint('stage.add')}`}
              data-testid="toolbar.add-stage"
            >
              + Stage
            </button>
            <label className="visually-hidden" htmlFor="new-lane-kind">
              Kind of the new lane
            </label>
            <select
              id="new-lane-kind"
              value={laneKind}
              onChange={(e) => setLaneKind(e.target.value)}
              data-testid="toolbar.lane-kind"
            >
              {LANE_KIND_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => editor.perform('lane.add', { kind: 'editor', laneKind }, 'ui')}
              title={`Add lane${hint('lane.add')}`}
              data-testid="toolbar.add-lane"
            >
              + Lane
            </button>
          </>
        )}
      </div>
      <div className="toolbar-group" role="group" aria-label="View">
        <button
          type="button"
          aria-pressed={view.mode === 'map'}
          onClick={() => setView({ mode: 'map' })}
          data-testid="toolbar.view-map"
        >
          Map
        </button>
        <button
          type="button"
          aria-pressed={view.mode === 'plan'}
          onClick={() => setView({ mode: 'plan' })}
          data-testid="toolbar.view-plan"
        >
          Action plan
        </button>
        <button
          type="button"
          aria-pressed={view.panel === 'persona'}
          onClick={() => setView({ panel: view.panel === 'persona' ? 'none' : 'persona' })}
          data-testid="toolbar.persona"
        >
          Persona
        </button>
      </div>
      <div className="toolbar-group toolbar-end">
        <PeerAvatars />
        <SaveIndicator />
        {extra}
        <button
          type="button"
          onClick={act('editor.help')}
          title={`Keyboard shortcuts${hint('editor.help')}`}
          data-testid="toolbar.help"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
    </div>
  );
}
