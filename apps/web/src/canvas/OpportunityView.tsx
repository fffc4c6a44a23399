import type { OpportunityBox } from './gridLayout';
import { useEditor } from '../editor/EditorContext';
import { VoteButton } from '../collab/VoteButton';
import { EvidenceBadge } from './EvidenceBadge';
import { summarizeEvidence } from './evidenceSummary';
import { evidenceIndex } from './renderMetrics';

const STATUS_LABELS = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
} as const;

/** An opportunity in its lane: the pain points it answers, owner, KPI, deadline and votes. */
export function OpportunityView({
  box,
  offsetX,
  offsetY,
}: {
  box: OpportunityBox;
  offsetX: number;
  offsetY: number;
}) {
  const { doc, viewStore } = useEditor();
  const { opportunity } = box;
  const problems = opportunity.problemCardIds
    .map((id) => doc.cards.find((card) => card.id === id))
    .filter((card) => card !== undefined);
  return (
    <div
      role="group"
      aria-roledescription="opportunity"
      aria-label={opportunity.title}
      tabIndex={0}
      className={`opportunity status-${opportunity.status}`}
      style={{ left: box.x - offsetX, top: box.y - offsetY, width: box.width, minHeight: box.height }}
      data-kind="opportunity"
      data-id={opportunity.id}
      data-testid="opportunity"
      onClick={() =>
        viewStore.set((view) => ({
          ...view,
          opportunityId: opportunity.id,
          emotionAt: undefined,
          selection: [],
          panel: 'none',
        }))
      }
      onKeyDown={(event) => {
        if (event.key === 'Enter')
          viewStore.set((view) => ({
            ...view,
            opportunityId: opportunity.id,
            emotionAt: undefined,
            selection: [],
            panel: 'none',
          }));
      }}
    >
      <p className="opportunity-title">💡 {opportunity.title}</p>
      {problems.length > 0 && (
        <p className="opportunity-answers" data-testid="opportunity-answers">
          Answers: {problems.map((card) => card.text).join('; ')}
        </p>
      )}
      <p className="opportunity-meta">
        <span>{STATUS_LABELS[opportunity.status]}</span>
        {opportunity.owner && <span>👤 {opportunity.owner}</span>}
        {opportunity.kpi && <span>📏 {opportunity.kpi}</span>}
        {opportunity.deadline && <span>📅 {opportunity.deadline}</span>}
        <span data-testid="opportunity-votes">▲ {opportunity.votes}</span>
      </p>
      {/* In the room the poster keeps for the voting control, so heights still match. */}
      <div className="opportunity-footer">
        <VoteButton targetId={opportunity.id} />
        <span className="opportunity-evidence">
          <EvidenceBadge
            summary={summarizeEvidence(opportunity.evidenceIds, evidenceIndex(doc.evidence))}
            testIdPrefix="opportunity"
          />
        </span>
      </div>
    </div>
  );
}
