import { useState } from 'react';
import { CHANNELS, PRIORITIES, type Card } from '@trailmap/schema';
import { useEditor } from './EditorContext';
import { CARD_COLORS, CHANNEL_ICONS, PRIORITY_LABELS } from '../canvas/cardStyle';
import { EvidencePanel } from './EvidencePanel';

/** Style, tags, evidence and links of the selected card(s). Every change is a core command. */
export function CardInspector() {
  const editor = useEditor();
  const cards = editor.view.selection
    .map((id) => editor.doc.cards.find((card) => card.id === id))
    .filter((card): card is Card => card !== undefined);
  const [tag, setTag] = useState('');
  const first = cards[0];
  if (!first) return null;
  const canEdit = editor.status.canEdit;
  const lane = editor.doc.lanes.find((candidate) => candidate.id === first.laneId);
  const updateAll = (changes: Record<string, unknown>) =>
    editor.runBatch(
      cards.map((card) => ({ command: 'card.update', input: { id: card.id, ...changes } })),
      'ui',
    );
  const addTag = () => {
    const value = tag.trim().replace(/^#/, '');
    if (!value) return;
    setTag('');
    editor.runBatch(
      cards
        .filter((card) => !card.tags.includes(value))
        .map((card) => ({ command: 'card.update', input: { id: card.id, tags: [...card.tags, value] } })),
      'ui',
    );
  };
  return (
    <section className="panel" aria-labelledby="inspector-title" data-testid="card-inspector">
      <h2 id="inspector-title">{cards.length === 1 ? 'Card' : `${cards.length} cards`}</h2>
      {cards.length === 1 && <p className="inspector-text">{first.text || <em>Empty card</em>}</p>}
      <fieldset disabled={!canEdit}>
        <legend>Color</legend>
        <div className="swatches">
          <button
            type="button"
            className="swatch swatch-none"
            aria-label="No color"
            aria-pressed={!first.color}
            onClick={() => updateAll({ color: null })}
          />
          {Object.entries(CARD_COLORS).map(([name, color]) => (
            <button
              key={name}
              type="button"
              className="swatch"
              style={{ background: color.fill, borderColor: color.edge }}
              aria-label={color.name}
              aria-pressed={first.color === name}
              data-testid={`swatch-${name}`}
              onClick={() => updateAll({ color: name })}
            />
          ))}
        </div>
      </fieldset>
      <label className="field">
        Priority
        <select
          disabled={!canEdit}
          value={first.priority ?? ''}
          onChange={(e) => updateAll({ priority: e.target.value || null })}
          data-testid="card-priority-select"
        >
          <option value="">None</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </label>
      {lane?.kind === 'touchpoints' || lane?.kind === 'channels' ? (
        <label className="field">
          Channel
          <select
            disabled={!canEdit}
            value={first.channel ?? ''}
            onChange={(e) => updateAll({ channel: e.target.value || null })}
          >
            <option value="">None</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_ICONS[channel]} {channel}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="field">
        <span>Tags</span>
        <div className="tag-list">
          {first.tags.map((existing) => (
            <button
              key={existing}
              type="button"
              className="badge badge-tag"
              disabled={!canEdit}
              aria-label={`Remove tag ${existing}`}
              onClick={() => updateAll({ tags: first.tags.filter((other) => other !== existing) })}
            >
              #{existing} ×
            </button>
          ))}
        </div>
        {canEdit && (
          <form onSubmit={(e) => (e.preventDefault(), addTag())} className="inline-form">
            <input
              aria-label="New tag"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              placeholder="Add tag"
              maxLength={40}
            />
            <button type="submit">Add</button>
          </form>
        )}
      </div>
      {cards.length === 1 && (
        <EvidencePanel targetId={first.id} evidenceIds={first.evidenceIds} subject="card" />
      )}
      {cards.length === 1 && canEdit && lane?.kind === 'pain-points' && (
        <button
          type="button"
          data-testid="card-create-opportunity"
          onClick={() =>
            editor.run(
              'opportunity.add',
              {
                stageId: first.stageId,
                title: `Fix: ${first.text.slice(0, 80) || 'pain point'}`,
                problemCardIds: [first.id],
              },
              'ui',
            )
          }
        >
          💡 Create opportunity for this pain point
        </button>
      )}
      <div className="panel-actions">
        {cards.length === 1 && (
          <button
            type="button"
            onClick={() => editor.perform('card.comment', { kind: 'card', id: first.id }, 'ui')}
            data-testid="card-open-comments"
          >
            💬 Comments
          </button>
        )}
        {canEdit && (
          <button
            type="button"
            className="danger"
            onClick={() => editor.perform('card.remove', { kind: 'card', id: first.id }, 'ui')}
            data-testid="card-delete"
          >
            Delete
          </button>
        )}
      </div>
    </section>
  );
}
