import type { Card, Evidence } from '@trailmap/schema';
import { useEditorStable } from '../editor/EditorContext';
import { PRIORITY_LABELS } from './cardStyle';
import { CommentCount } from '../collab/CommentCount';

const SOURCE_ICONS: Record<Evidence['source'], string> = {
  interview: '🎙',
  survey: '📋',
  analytics: '📈',
  support: '🎧',
  observation: '👀',
  assumption: '?',
};

/** Priority, tags, evidence (assumptions shown distinctly) and comment count under a card's text. */
export function CardBadges({ card }: { card: Card }) {
  const stable = useEditorStable();
  const evidence = card.evidenceIds
    .map((id) => stable.get().doc.evidence.find((record) => record.id === id && !record.deletedAt))
    .filter((record): record is Evidence => record !== undefined);
  const isAssumption = evidence.length > 0 && evidence.every((record) => record.source === 'assumption');
  if (!card.priority && card.tags.length === 0 && evidence.length === 0)
    return <CommentCount cardId={card.id} />;
  return (
    <div className="card-badges">
      {card.priority && (
        <span className={`badge badge-priority-${card.priority}`} data-testid="card-priority">
          {PRIORITY_LABELS[card.priority]}
        </span>
      )}
      {card.tags.map((tag) => (
        <span key={tag} className="badge badge-tag">
          #{tag}
        </span>
      ))}
      {isAssumption ? (
        <span
          className="badge badge-assumption"
          data-testid="card-assumption"
          title="Not yet backed by research"
        >
          Based on assumption
        </span>
      ) : (
        evidence.map((record) => (
          <span
            key={record.id}
            className={`badge badge-evidence confidence-${record.confidence}`}
            title={`${record.source}${record.date ? `, ${record.date}` : ''}, ${record.confidence} confidence${record.title ? `: ${record.title}` : ''}`}
            data-testid="card-evidence"
          >
            <span aria-hidden="true">{SOURCE_ICONS[record.source]}</span> {record.source} ·{' '}
            {record.confidence}
          </span>
        ))
      )}
      <CommentCount cardId={card.id} />
    </div>
  );
}
