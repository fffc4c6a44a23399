import type { Card, Journey } from '@trailmap/schema';
import { useDocSelector } from '../editor/useEditorState';
import { evidenceIndex } from './renderMetrics';
import { summarizeEvidence, type EvidenceSummary } from './evidenceSummary';
import { EvidenceBadge } from './EvidenceBadge';

const NO_EVIDENCE: EvidenceSummary = { kind: 'none' };
export const selectEvidence = (doc: Journey) => doc.evidence;

/**
 * The badges the poster draws under a card, in the same order and wording (so heights match):
 * evidence (or "Assumption" when only assumed), priority, channel, owner, up to three tags.
 */
export function CardBadges({ card }: { card: Card }) {
  return card.evidenceIds.length > 0 ? (
    <BadgesCitingEvidence card={card} />
  ) : (
    <Badges card={card} evidence={NO_EVIDENCE} />
  );
}

/** Follows the evidence records themselves: editing one changes the badge, not the card. */
function BadgesCitingEvidence({ card }: { card: Card }) {
  const records = useDocSelector(selectEvidence);
  return <Badges card={card} evidence={summarizeEvidence(card.evidenceIds, evidenceIndex(records))} />;
}

function Badges({ card, evidence }: { card: Card; evidence: EvidenceSummary }) {
  const hasPriority = card.priority === 'medium' || card.priority === 'high' || card.priority === 'critical';
  if (evidence.kind === 'none' && !hasPriority && !card.channel && !card.owner && card.tags.length === 0)
    return null;
  return (
    <div className="card-badges">
      <EvidenceBadge summary={evidence} testIdPrefix="card" />
      {hasPriority && (
        <span className={`badge badge-priority-${card.priority}`} data-testid="card-priority">
          {card.priority === 'critical' ? 'Critical' : card.priority === 'high' ? 'High' : 'Medium'}
        </span>
      )}
      {card.channel && <span className="badge">{card.channel}</span>}
      {card.owner && <span className="badge">@{card.owner}</span>}
      {card.tags.slice(0, 3).map((tag) => (
        <span key={tag} className="badge badge-tag">
          #{tag}
        </span>
      ))}
    </div>
  );
}
