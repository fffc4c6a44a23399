import { LAYOUT_METRICS, measureText, wrapText } from '@trailmap/render';
import type { Card, Evidence } from '@trailmap/schema';

/**
 * The sizes @trailmap/render lays posters out with (its exported LAYOUT_METRICS), plus the grid's
 * minimum width as render derives it. The screen uses the same numbers and the same text wrapping,
 * so a card is as tall on screen as on the poster.
 */
export const RENDER_METRICS = {
  ...LAYOUT_METRICS,
  minGridWidth: LAYOUT_METRICS.minContentWidth - LAYOUT_METRICS.laneHeaderWidth,
} as const;
const M = RENDER_METRICS;

const widthCache = new Map<string, number>();

/** Column width for the longest card text of a column (render's columns.ts rule). */
export function columnWidthFor(longest: string): number {
  if (!longest) return M.minColumnWidth;
  const cached = widthCache.get(longest);
  if (cached !== undefined) return cached;
  let result: number = M.maxColumnWidth;
  for (let width = M.minColumnWidth; width < M.maxColumnWidth; width += M.widthStep) {
    const inner = width - 2 * M.cardPadding - 2 * M.cardGap;
    if (wrapText(longest, { size: M.cardText, maxWidth: inner }).length <= M.comfortableLines) {
      result = width;
      break;
    }
  }
  if (widthCache.size > 5000) widthCache.clear();
  widthCache.set(longest, result);
  return result;
}

const textWidths = new WeakMap<Card, number>();
/** Rendered width of a card's text on one line (to find a column's longest card). */
export function cardTextWidth(card: Card): number {
  let width = textWidths.get(card);
  if (width === undefined) {
    width = card.text.length > 4000 ? Infinity : measureText(card.text, M.cardText);
    textWidths.set(card, width);
  }
  return width;
}

const RANK = { low: 1, medium: 2, high: 3 } as const;

function badgeLabels(card: Card, evidence: ReadonlyMap<string, Evidence>): string[] {
  const labels: string[] = [];
  const records = card.evidenceIds.flatMap((id) => evidence.get(id) ?? []);
  if (records.length > 0) {
    const research = records.filter((record) => record.source !== 'assumption');
    if (research.length === 0) labels.push('⚠ Assumption');
    else {
      // Same label as render's evidenceBadge: "Interview +1 ●●○" (best confidence as dots).
      const best = Math.max(...research.map((record) => RANK[record.confidence]));
      const source = research[0]!.source;
      const more = research.length > 1 ? ` +${research.length - 1}` : '';
      labels.push(
        `${source[0]!.toUpperCase()}${source.slice(1)}${more} ${'●'.repeat(best)}${'○'.repeat(3 - best)}`,
      );
    }
  }
  if (card.priority === 'critical') labels.push('Critical');
  else if (card.priority === 'high') labels.push('High');
  else if (card.priority === 'medium') labels.push('Medium');
  if (card.channel) labels.push(card.channel);
  if (card.owner) labels.push(`@${card.owner}`);
  for (const tag of card.tags.slice(0, 3)) labels.push(`#${tag}`);
  return labels;
}

function badgeRowCount(labels: string[], maxWidth: number): number {
  let rows = 0;
  let used = 0;
  let inRow = 0;
  for (const raw of labels) {
    const label = wrapText(raw, { size: M.badgeText, maxWidth: maxWidth - 12, maxLines: 1 })[0] ?? '';
    const width = Math.ceil(measureText(label, M.badgeText)) + 12;
    if (inRow > 0 && used + width > maxWidth) {
      rows += 1;
      inRow = 0;
      used = 0;
    }
    inRow += 1;
    used += width + 4;
  }
  return rows + (inRow > 0 ? 1 : 0);
}

const heights = new WeakMap<Card, { width: number; evidence: unknown; height: number }>();

/** A card's height at a width, as render's planCard computes it (text lines + badge rows). */
export function cardHeight(card: Card, width: number, evidence: ReadonlyMap<string, Evidence>): number {
  const cached = heights.get(card);
  if (cached && cached.width === width && cached.evidence === evidence) return cached.height;
  const inner = width - 2 * M.cardPadding;
  const lines = wrapText(card.text.trim() || ' ', {
    size: M.cardText,
    maxWidth: inner,
    maxLines: M.cardMaxLines,
  }).length;
  const rows = badgeRowCount(badgeLabels(card, evidence), inner);
  const badgeHeight = rows === 0 ? 0 : 6 + rows * (M.badgeHeight + 4) - 4;
  const height = 2 * M.cardPadding + lines * M.cardLine + badgeHeight;
  heights.set(card, { width, evidence, height });
  return height;
}

/** Minimum width of a stage for its name (render's stage header rule). */
export const stageNameWidth = (name: string) => Math.min(measureText(name, 15, 'bold') / 2 + 32, 420);

const evidenceIndexes = new WeakMap<readonly Evidence[], ReadonlyMap<string, Evidence>>();
/** Live (not tombstoned) evidence by id, cached per evidence list. */
export function evidenceIndex(records: readonly Evidence[]): ReadonlyMap<string, Evidence> {
  let index = evidenceIndexes.get(records);
  if (!index) {
    index = new Map(records.filter((record) => !record.deletedAt).map((record) => [record.id, record]));
    evidenceIndexes.set(records, index);
  }
  return index;
}

const opportunityHeights = new WeakMap<object, { width: number; cards: unknown; height: number }>();

/**
 * Height of an opportunity box at a width: title (12 px bold), the pain points it answers and the
 * facts line (11 px), plus room for the dot-voting control; same font as cards.
 */
export function opportunityHeight(
  opportunity: {
    title: string;
    problemCardIds: string[];
    owner?: string;
    kpi?: string;
    deadline?: string;
    votes: number;
    status: string;
  },
  width: number,
  cards: ReadonlyMap<string, Card>,
): number {
  const cached = opportunityHeights.get(opportunity);
  if (cached && cached.width === width && cached.cards === cards) return cached.height;
  const inner = width - 2 * M.cardPadding;
  const title =
    wrapText(`💡 ${opportunity.title}`, { size: 12, weight: 'bold', maxWidth: inner }).length * 16;
  const answers = opportunity.problemCardIds.map((id) => cards.get(id)?.text).filter(Boolean);
  const answerLines = answers.length
    ? wrapText(`Answers: ${answers.join('; ')}`, { size: 11, maxWidth: inner }).length * 15
    : 0;
  const facts = [
    opportunity.status,
    opportunity.owner && `👤 ${opportunity.owner}`,
    opportunity.kpi && `📏 ${opportunity.kpi}`,
    opportunity.deadline && `📅 ${opportunity.deadline}`,
    `▲ ${opportunity.votes}`,
  ]
    .filter(Boolean)
    .join('   ');
  const factLines = wrapText(facts, { size: 11, maxWidth: inner }).length * 15;
  const height = 2 * M.cardPadding + title + answerLines + factLines + 4 + 26;
  opportunityHeights.set(opportunity, { width, cards, height });
  return height;
}
