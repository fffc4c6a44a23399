import type { Evidence, Opportunity } from '@trailmap/schema';
import { evidenceBadge, flowBadges, drawBadgeRows, type Badge } from './cards';
import { METRICS, Scene } from './scene';

const PADDING = 10;

function metaLines(opportunity: Opportunity): string[] {
  const lines: string[] = [];
  if (opportunity.owner) lines.push(`Owner: ${opportunity.owner}`);
  if (opportunity.kpi) {
    const range = [opportunity.baseline, opportunity.target].filter(Boolean).join(' → ');
    lines.push(`KPI: ${opportunity.kpi}${range ? ` (${range})` : ''}`);
  }
  if (opportunity.deadline) lines.push(`Due: ${opportunity.deadline}`);
  if (opportunity.budget) lines.push(`Budget: ${opportunity.budget.amount} ${opportunity.budget.currency}`);
  return lines;
}

function badgesOf(opportunity: Opportunity, evidence: Evidence[] | undefined): Badge[] {
  const badges: Badge[] = [
    { label: `▲ ${opportunity.votes}`, style: 'opportunity.votes', textStyle: 'text.onAccent' },
    { label: opportunity.status, style: 'badge', textStyle: 'text' },
  ];
  const research = evidence && evidenceBadge(evidence).badge;
  if (research) badges.push(research);
  return badges;
}

/**
 * Draws (or, on a throwaway scene, measures) one opportunity card; returns its height. `evidence`
 * is the opportunity's evidence records, shown as the same badge cards get (undefined: hidden).
 */
export function drawOpportunity(
  target: Scene,
  opportunity: Opportunity,
  x: number,
  y: number,
  width: number,
  evidence?: Evidence[],
): number {
  const inner = width - 2 * PADDING;
  const body = new Scene();
  let cursor = y + PADDING;
  cursor += body.text('text.strong', opportunity.title, x + PADDING, cursor, {
    size: 12,
    weight: 'bold',
    maxWidth: inner,
    maxLines: 3,
    lineHeight: 16,
  });
  if (opportunity.description) {
    cursor +=
      2 +
      body.text('text.muted', opportunity.description, x + PADDING, cursor + 2, {
        size: 11,
        maxWidth: inner,
        maxLines: 3,
        lineHeight: 14,
      });
  }
  for (const line of metaLines(opportunity)) {
    cursor += body.text('text', line, x + PADDING, cursor, {
      size: 11,
      maxWidth: inner,
      maxLines: 2,
      lineHeight: 15,
    });
  }
  const rows = flowBadges(badgesOf(opportunity, evidence), inner);
  drawBadgeRows(body, rows, x + PADDING, cursor + 6);
  cursor += 6 + rows.length * (METRICS.badgeHeight + 4);
  const height = cursor - y + PADDING - 4;
  target.rect('opportunity', x, y, width, height, { radius: 6, recordId: opportunity.id });
  target.nodes.push(...body.nodes);
  return height;
}
