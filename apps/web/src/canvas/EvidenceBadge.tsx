import type { EvidenceSummary } from './evidenceSummary';

/**
 * The evidence badge of a card, emotion point or opportunity: research (source and confidence
 * dots) or "⚠ Assumption", styled apart. `compact` shows only the mark (on an emotion point).
 */
export function EvidenceBadge({
  summary,
  testIdPrefix,
  compact = false,
}: {
  summary: EvidenceSummary;
  testIdPrefix: string;
  compact?: boolean;
}) {
  if (summary.kind === 'none') return null;
  if (summary.kind === 'assumption') {
    return (
      <span
        className={`badge badge-assumption${compact ? ' badge-compact' : ''}`}
        data-testid={`${testIdPrefix}-assumption`}
        title="Based on assumption: not yet backed by research"
        aria-label={compact ? 'Based on assumption' : undefined}
      >
        {compact ? '⚠' : '⚠ Assumption'}
      </span>
    );
  }
  return (
    <span
      className={`badge badge-evidence confidence-${summary.confidence}${compact ? ' badge-compact' : ''}`}
      title={summary.details}
      data-testid={`${testIdPrefix}-evidence`}
      aria-label={compact ? `Evidence: ${summary.label}` : undefined}
    >
      {compact ? summary.label.slice(-3) : summary.label}
    </span>
  );
}
