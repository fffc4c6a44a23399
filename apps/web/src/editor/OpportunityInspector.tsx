import { useState, type FormEvent } from 'react';
import { OPPORTUNITY_STATUSES, type Opportunity } from '@trailmap/schema';
import { useEditor } from './EditorContext';
import { EvidencePanel } from './EvidencePanel';

type TextField = 'title' | 'owner' | 'kpi' | 'target' | 'deadline';
const FIELDS: { field: TextField; label: string; type?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'owner', label: 'Owner' },
  { field: 'kpi', label: 'KPI' },
  { field: 'target', label: 'Target' },
  { field: 'deadline', label: 'Deadline', type: 'date' },
];

/** The action-plan fields of one opportunity (owner, KPI, target, deadline, budget, status). */
export function OpportunityInspector({ opportunity }: { opportunity: Opportunity }) {
  const editor = useEditor();
  const canEdit = editor.status.canEdit;
  const [draft, setDraft] = useState(() => ({
    title: opportunity.title,
    owner: opportunity.owner ?? '',
    kpi: opportunity.kpi ?? '',
    target: opportunity.target ?? '',
    deadline: opportunity.deadline ?? '',
    budget: opportunity.budget ? String(opportunity.budget.amount) : '',
    currency: opportunity.budget?.currency ?? 'EUR',
  }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = (value: string) => value.trim() || null;
    const amount = Number(draft.budget);
    editor.run(
      'opportunity.update',
      {
        id: opportunity.id,
        ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
        owner: text(draft.owner),
        kpi: text(draft.kpi),
        target: text(draft.target),
        deadline: text(draft.deadline),
        budget:
          draft.budget.trim() && Number.isFinite(amount)
            ? { amount, currency: draft.currency.trim().toUpperCase() }
            : null,
      },
      'ui',
    );
    editor.session.stopCapturing();
  };
  const problems = opportunity.problemCardIds
    .map((id) => editor.doc.cards.find((card) => card.id === id))
    .filter((card) => card !== undefined);
  return (
    <section className="panel" aria-labelledby="opportunity-title" data-testid="opportunity-inspector">
      <h2 id="opportunity-title">Opportunity</h2>
      {problems.length > 0 && (
        <p className="muted">Answers: {problems.map((card) => card.text).join('; ')}</p>
      )}
      <form className="stack-form" onSubmit={save}>
        <fieldset disabled={!canEdit} className="stack-form">
          {FIELDS.map(({ field, label, type }) => (
            <label key={field}>
              {label}
              <input
                type={type ?? 'text'}
                value={draft[field]}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                maxLength={200}
                data-testid={`opportunity-${field}`}
              />
            </label>
          ))}
          <label>
            Budget
            <span className="inline-form">
              <input
                inputMode="decimal"
                value={draft.budget}
                onChange={(e) => setDraft({ ...draft, budget: e.target.value })}
                aria-label="Budget amount"
              />
              <input
                value={draft.currency}
                onChange={(e) => setDraft({ ...draft, currency: e.target.value })}
                aria-label="Currency"
                maxLength={3}
                size={4}
              />
            </span>
          </label>
          <label>
            Status
            <select
              value={opportunity.status}
              onChange={(e) =>
                editor.run('opportunity.update', { id: opportunity.id, status: e.target.value }, 'ui')
              }
            >
              {OPPORTUNITY_STATUSES.map((status) => (
                <option key={status}>{status}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" data-testid="opportunity-save">
            Save
          </button>
        </fieldset>
      </form>
      <p>
        Votes: {opportunity.votes}{' '}
        {canEdit && (
          <button type="button" onClick={() => editor.run('opportunity.vote', { id: opportunity.id }, 'ui')}>
            ▲ Vote
          </button>
        )}
      </p>
      <EvidencePanel targetId={opportunity.id} evidenceIds={opportunity.evidenceIds} subject="opportunity" />
      {canEdit && (
        <button
          type="button"
          className="danger"
          onClick={() => {
            editor.viewStore.set((view) => ({ ...view, opportunityId: undefined }));
            editor.run('opportunity.remove', { id: opportunity.id }, 'ui');
          }}
        >
          Delete opportunity
        </button>
      )}
    </section>
  );
}
