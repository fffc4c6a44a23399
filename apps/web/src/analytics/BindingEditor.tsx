import { useRef, useState } from 'react';
import { useEditor } from '../editor/EditorContext';
import {
  bindingCall,
  bindingFor,
  orderedStages,
  rebindCalls,
  stepsOf,
  touchpointCards,
  type AttributeCondition,
} from './mapBindings';

const parseActivities = (text: string) =>
  text
    .split(',')
    .map((activity) => activity.trim())
    .filter((activity, i, all) => activity !== '' && all.indexOf(activity) === i);

interface RuleRowProps {
  targetId: string;
  label: string;
  dataset: string;
  attributes: string[];
  isNested?: boolean;
}

/**
 * One target's rule: comma-separated activities, and optionally "only where attribute = value"
 * (e.g. channel = web). Saved on Enter or when leaving a field; a condition is saved once it has
 * a value, and choosing "any event" drops it.
 */
function RuleRow({ targetId, label, dataset, attributes, isNested = false }: RuleRowProps) {
  const editor = useEditor();
  const rule = bindingFor(editor.doc, targetId, dataset)?.rule;
  const current = rule?.activities.join(', ') ?? '';
  const [key, setKey] = useState(rule?.attribute?.key ?? '');
  const activitiesInput = useRef<HTMLInputElement>(null);
  const valueInput = useRef<HTMLInputElement>(null);
  const canEdit = editor.status.canEdit;
  const commit = (chosenKey = key) => {
    const value = valueInput.current?.value.trim() ?? '';
    // A chosen attribute without a value yet is not a condition: keep the saved rule until it has one.
    if (chosenKey !== '' && value === '') return;
    const attribute: AttributeCondition | undefined = chosenKey ? { key: chosenKey, value } : undefined;
    const activities = parseActivities(activitiesInput.current?.value ?? current);
    const call = bindingCall(editor.doc, targetId, dataset, activities, attribute);
    if (call) editor.run(call.command, call.input, 'ui');
  };
  const onEnter = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
  };
  // A saved condition on an attribute this dataset lacks still shows, so it can be seen and dropped.
  const keys = key && !attributes.includes(key) ? [key, ...attributes] : attributes;
  return (
    <div
      className={isNested ? 'binding-row binding-step' : 'binding-row'}
      data-testid={`binding-row-${targetId}`}
    >
      <label className="binding-label" htmlFor={`binding-${targetId}`} title={label}>
        {label}
      </label>
      <input
        id={`binding-${targetId}`}
        ref={activitiesInput}
        key={current}
        defaultValue={current}
        list="analytics-activities"
        placeholder="activity, another activity"
        disabled={!canEdit}
        aria-label={`Activities measuring ${label}`}
        data-testid={`binding-${targetId}`}
        onBlur={() => commit()}
        onKeyDown={onEnter}
      />
      {keys.length > 0 && (
        <span className="binding-where">
          <select
            value={key}
            disabled={!canEdit}
            aria-label={`Only events of ${label} where`}
            data-testid={`binding-attribute-${targetId}`}
            onChange={(event) => {
              setKey(event.target.value);
              commit(event.target.value);
            }}
          >
            <option value="">any event</option>
            {keys.map((attribute) => (
              <option key={attribute} value={attribute}>
                {attribute} =
              </option>
            ))}
          </select>
          {key !== '' && (
            <input
              ref={valueInput}
              key={`${key}=${rule?.attribute?.value ?? ''}`}
              defaultValue={rule?.attribute?.key === key ? rule.attribute.value : ''}
              placeholder="value"
              disabled={!canEdit}
              aria-label={`Value of ${key} for ${label}`}
              data-testid={`binding-value-${targetId}`}
              onBlur={() => commit()}
              onKeyDown={onEnter}
            />
          )}
        </span>
      )}
    </div>
  );
}

/**
 * Binds stages, their steps (which count towards the stage) and touchpoint cards to event rules
 * (`binding.set` / `binding.remove` through the session, so they are undoable and shared live),
 * and moves the whole map to the chosen dataset.
 */
export function BindingEditor({
  dataset,
  boundTo,
  activities,
  attributes,
}: {
  dataset: string;
  boundTo: string | undefined;
  activities: string[];
  /** The dataset's attribute columns, offered for "only where" conditions. */
  attributes: string[];
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
        <div key={stage.id} role="group" aria-label={stage.name}>
          <RuleRow targetId={stage.id} label={stage.name} dataset={dataset} attributes={attributes} />
          {stepsOf(doc, stage.id).map((step) => (
            <RuleRow
              key={step.id}
              targetId={step.id}
              label={step.name}
              dataset={dataset}
              attributes={attributes}
              isNested
            />
          ))}
        </div>
      ))}
      {touchpoints.length > 0 && (
        <details>
          <summary>Touchpoints ({touchpoints.length})</summary>
          {touchpoints.map((card) => (
            <RuleRow
              key={card.id}
              targetId={card.id}
              label={card.text || 'Untitled touchpoint'}
              dataset={dataset}
              attributes={attributes}
            />
          ))}
        </details>
      )}
    </section>
  );
}
