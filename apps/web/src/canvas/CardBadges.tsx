import type { Card, Evidence } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';
import { evidenceIndex } from './renderMetrics';

const SOURCE_LABELS: Record<Evidence['source'], string> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  support: 'Support',
  observation: 'Observation',
  assumption: 'Assumption',
};
const RANK = { low: 1, medium: 2, high: 3 } as const;

/**
 * The badges the poster draws under a card, in the same order and wording (so heights match):
 * evidence (or "Assumption" when only assumed), priority, channel, owner, up to three tags.
 */
export function CardBadges({ card }: { card: Card }) {
  const stable = useEditorStable();
  const index = evidenceIndex(stable.get().doc.evidence);
  const records = card.evidenceIds.flatMap((id) => index.get(id) ?? []);
  const research = records.filter((record) => record.source !== 'assumption');
  const isAssumption = records.length > 0 && research.length === 0;
  const best = research.length ? Math.max(...research.map((record) => RANK[record.confidence])) : 0;
  const hasPriority = card.priority === 'medium' || card.priority === 'high' || card.priority === 'critical';
  if (records.length === 0 && !hasPriority && !card.channel && !card.owner && card.tags.length === 0)
    return null;
  const details = research
    .map(
      (record) =>
        `${record.source}${record.date ? ` ${record.date}` : ''}, ${record.confidence} confidence${record.title ? `: ${record.title}` : ''}`,
    )
    .join('\n');
  return (
    <div className="card-badges">
      {isAssumption && (
        <span
          className="badge badge-assumption"
          data-testid="card-assumption"
          title="Based on assumption: not yet backed by research"
        >
          ⚠ Assumption
        </span>
      )}
      {research.length > 0 && (
        <span
          className={`badge badge-evidence confidence-${best === 3 ? 'high' : best === 2 ? 'medium' : 'low'}`}
          title={details}
          data-testid="card-evidence"
        >
          {SOURCE_LABELS[research[0]!.source]}
          {research.length > 1 ? ` +${research.length - 1}` : ''} {'●'.repeat(best)}
          {'○'.repeat(3 - best)}
        </span>
      )}
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
