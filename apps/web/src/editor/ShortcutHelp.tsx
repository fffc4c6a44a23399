import { useEffect, useRef } from 'react';
import { BINDINGS } from '../commands/bindings';
import { displayShortcut } from '../commands/shortcuts';
import { useEditor } from './EditorContext';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The keyboard shortcut overlay, generated from the bindings table. */
export function ShortcutHelp() {
  const editor = useEditor();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const close = () => editor.viewStore.set((view) => ({ ...view, isHelpOpen: false }));
  const groups = [...new Set(BINDINGS.map((binding) => binding.group))];
  return (
    <dialog
      ref={dialog}
      className="dialog help-dialog"
      aria-labelledby="help-title"
      onClose={close}
      data-testid="shortcut-help"
    >
      <h2 id="help-title">Keyboard shortcuts</h2>
      <p className="muted">Arrow keys move between cards; Tab reaches every control.</p>
      <div className="help-grid">
        {groups.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {BINDINGS.filter(
                (binding) =>
                  binding.group === group && binding.shortcut && (editor.status.canEdit || !binding.isEdit),
              ).map((binding) => (
                <div key={binding.id} className="help-row">
                  <dt>{binding.label}</dt>
                  <dd>
                    <kbd>{displayShortcut(binding.shortcut!, isMac)}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <button type="button" className="primary" onClick={close} autoFocus>
        Close
      </button>
    </dialog>
  );
}
