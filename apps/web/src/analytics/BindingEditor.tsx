import { useEditor } from '../editor/EditorContext';
import { bindingCall, bindingFor, orderedStages, rebindCalls, touchpointCards } from './mapBindings';

const parseActivities = (text: string) =>
  text
    .split(',')
    .map((activity) => activity.trim())
    .filter((activity, i, all) => activity !== '' && all.indexOf(activity) === i);

/** One target's rule: comma-separated activities, saved on Enter or when leaving the field. */
function RuleInput({ targetId, label, dataset }: { targetId: string; label: string; dataset: string }) {
  const editor = useEditor();
  const current = bindingFor(editor.doc, targetId, dataset)?.rule.activities.join(', ') ?? '';
  const commit = (text: string) => {
    const call = bindingCall(editor.doc, targetId, dataset, parseActivities(text));
    if (call) editor.run(call.command, call.input, 'ui');
  };
  return (
    <label className="binding-row">
      <span className="binding-label">{label}</span>
      <input
        key={current}
        defaultValue={current}
        list="analytics-activities"
        placeholder="activity, another activity"
        disabled={!editor.status.canEdit}
        aria-label={`Activities measuring ${label}`}
        data-testid={`binding-${targetId}`}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
    </label>
  );
}

/**
 * Binds stages and touchpoint cards to event rules (`binding.set` / `binding.remove` through the
 * session, so they are undoable and shared live) and moves the whole map to the chosen dataset.
 */
export function BindingEditor({
  dataset,
  boundTo,
  activities,
}: {
  dataset: string;
  boundTo: string | undefined;
  activities: string[];
}) {
  const editor = useEditor();
  const { doc } = editor;
  const moves = rebindCalls(doc, dataset);
  const touchpoints = touchpointCards(doc);
  return (
    <section className="binding-editor" aria-label="Bindings" data-testid="binding-editor">
      <datalist id="analytics-activities">
        {activities.map((activity) => (
          <option key={activity} value={activity} />
        ))}
      </datalist>
      {editor.status.canEdit && moves.length > 0 && (
        <button
          type="button"
          onClick={() => editor.runBatch(moves, 'ui')}
          data-testid="binding-rebind"
          title={boundTo ? `Bindings now point at ${boundTo}` : undefined}
        >
          Bind the map to {dataset}
        </button>
      )}
      <h3>Stages</h3>
      {orderedStages(doc).map((stage) => (
        <RuleInput key={stage.id} targetId={stage.id} label={stage.name} dataset={dataset} />
      ))}
      {touchpoints.length > 0 && (
        <details>
          <summary>Touchpoints ({touchpoints.length})</summary>
          {touchpoints.map((card) => (
            <RuleInput
              key={card.id}
              targetId={card.id}
              label={card.text || 'Untitled touchpoint'}
              dataset={dataset}
            />
          ))}
        </details>
      )}
    </section>
  );
}
