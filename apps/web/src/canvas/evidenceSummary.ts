import type { Evidence } from '@trailmap/schema';

export const SOURCE_LABELS: Record<Evidence['source'], string> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  support: 'Support',
  observation: 'Observation',
  assumption: 'Assumption',
};
const RANK = { low: 1, medium: 2, high: 3 } as const;

/** What a record's evidence badge says: nothing, "based on assumption", or the research behind it. */
export type EvidenceSummary =
  | { kind: 'none' }
  | { kind: 'assumption' }
  | {
      kind: 'research';
      /** "Interview +1 ●●○": first source, how many more, best confidence as dots (render's badge). */
      label: string;
      confidence: Evidence['confidence'];
      /** One line per record: source, date, confidence, title. */
      details: string;
    };

/**
 * Summarises the live evidence a card, emotion point or opportunity cites. Only assumptions (and
 * no research) is its own state, shown distinctly from "no evidence" and from research.
 */
export function summarizeEvidence(
  evidenceIds: readonly string[],
  index: ReadonlyMap<string, Evidence>,
): EvidenceSummary {
  const records = evidenceIds.flatMap((id) => index.get(id) ?? []);
  if (records.length === 0) return { kind: 'none' };
  const research = records.filter((record) => record.source !== 'assumption');
  if (research.length === 0) return { kind: 'assumption' };
  const best = Math.max(...research.map((record) => RANK[record.confidence]));
  const more = research.length > 1 ? ` +${research.length - 1}` : '';
  return {
    kind: 'research',
    label: `${SOURCE_LABELS[research[0]!.source]}${more} ${'●'.repeat(best)}${'○'.repeat(3 - best)}`,
    confidence: best === 3 ? 'high' : best === 2 ? 'medium' : 'low',
    details: research
      .map(
        (record) =>
          `${record.source}${record.date ? ` ${record.date}` : ''}, ${record.confidence} confidence${record.title ? `: ${record.title}` : ''}`,
      )
      .join('\n'),
  };
}
