import type { Card, Evidence, Lane } from '@trailmap/schema';
import { measureText } from '../text/measure';
import { isRightToLeft, wrapText } from '../text/wrap';
import { cardColorOf, type Model } from './model';
import { METRICS, type Scene } from './scene';
import type { StyleKey } from './types';

export interface Badge {
  label: string;
  style: StyleKey;
  textStyle: StyleKey;
}

/** A card measured for one column width: wrapped lines, badge rows, height. */
export interface CardPlan {
  card: Card;
  lines: string[];
  badgeRows: { badge: Badge; width: number }[][];
  isAssumption: boolean;
  height: number;
}

export const SOURCE_LABELS: Record<Evidence['source'], string> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  support: 'Support',
  observation: 'Observation',
  assumption: 'Assumption',
};
const CONFIDENCE_RANK = { low: 1, medium: 2, high: 3 } as const;
export const confidenceDots = (level: Evidence['confidence']) =>
  '●'.repeat(CONFIDENCE_RANK[level]) + '○'.repeat(3 - CONFIDENCE_RANK[level]);

/** Evidence badge: the main source, how many more, and the best confidence as dots. */
export function evidenceBadge(records: Evidence[]): { badge?: Badge; isAssumption: boolean } {
  if (records.length === 0) return { isAssumption: false };
  const research = records.filter((record) => record.source !== 'assumption');
  if (research.length === 0) {
    return {
      isAssumption: true,
      badge: { label: '⚠ Assumption', style: 'badge.assumption', textStyle: 'text.onAccent' },
    };
  }
  const best = research.reduce((a, b) =>
    CONFIDENCE_RANK[b.confidence] > CONFIDENCE_RANK[a.confidence] ? b : a,
  );
  const more = research.length > 1 ? ` +${research.length - 1}` : '';
  return {
    isAssumption: false,
    badge: {
      label: `${SOURCE_LABELS[research[0]!.source]}${more} ${confidenceDots(best.confidence)}`,
      style: 'badge.evidence',
      textStyle: 'text',
    },
  };
}

function badgesOf(
  card: Card,
  model: Model,
  hideEvidence: boolean,
): { badges: Badge[]; isAssumption: boolean } {
  const badges: Badge[] = [];
  let isAssumption = false;
  if (!hideEvidence) {
    const records = card.evidenceIds.flatMap((id) => model.evidence.get(id) ?? []);
    const evidence = evidenceBadge(records);
    if (evidence.badge) badges.push(evidence.badge);
    isAssumption = evidence.isAssumption;
  }
  if (card.priority === 'critical')
    badges.push({ label: 'Critical', style: 'badge.critical', textStyle: 'text.onAccent' });
  else if (card.priority === 'high')
    badges.push({ label: 'High', style: 'badge.priority', textStyle: 'text.onAccent' });
  else if (card.priority === 'medium') badges.push({ label: 'Medium', style: 'badge', textStyle: 'text' });
  if (card.channel) badges.push({ label: card.channel, style: 'badge', textStyle: 'text' });
  if (card.owner) badges.push({ label: `@${card.owner}`, style: 'badge', textStyle: 'text' });
  for (const tag of card.tags.slice(0, 3))
    badges.push({ label: `#${tag}`, style: 'badge', textStyle: 'text.muted' });
  return { badges, isAssumption };
}

/** Lays badges out left to right, wrapping into rows; labels too long are shortened. */
export function flowBadges(badges: Badge[], maxWidth: number): { badge: Badge; width: number }[][] {
  const rows: { badge: Badge; width: number }[][] = [];
  let row: { badge: Badge; width: number }[] = [];
  let used = 0;
  for (const badge of badges) {
    const label =
      wrapText(badge.label, { size: METRICS.badgeText, maxWidth: maxWidth - 12, maxLines: 1 })[0] ?? '';
    const width = Math.ceil(measureText(label, METRICS.badgeText)) + 12;
    if (row.length > 0 && used + width > maxWidth) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ badge: { ...badge, label }, width });
    used += width + 4;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export function planCard(card: Card, width: number, model: Model, hideEvidence: boolean): CardPlan {
  const inner = width - 2 * METRICS.cardPadding;
  const lines = wrapText(card.text.trim() || ' ', {
    size: METRICS.cardText,
    maxWidth: inner,
    maxLines: METRICS.cardMaxLines,
  });
  const { badges, isAssumption } = badgesOf(card, model, hideEvidence);
  const badgeRows = flowBadges(badges, inner);
  const badgeHeight = badgeRows.length === 0 ? 0 : 6 + badgeRows.length * (METRICS.badgeHeight + 4) - 4;
  const height = 2 * METRICS.cardPadding + lines.length * METRICS.cardLine + badgeHeight;
  return { card, lines, badgeRows, isAssumption, height };
}

export function drawBadgeRows(
  scene: Scene,
  rows: { badge: Badge; width: number }[][],
  x: number,
  top: number,
) {
  let y = top;
  for (const row of rows) {
    let bx = x;
    for (const { badge, width } of row) {
      scene.rect(badge.style, bx, y, width, METRICS.badgeHeight, { radius: METRICS.badgeHeight / 2 });
      scene.nodes.push({
        kind: 'text',
        style: badge.textStyle,
        x: bx + width / 2,
        y: y + 12.5,
        lines: [badge.label],
        size: METRICS.badgeText,
        weight: 'normal',
        lineHeight: METRICS.badgeHeight,
        anchor: 'middle',
      });
      bx += width + 4;
    }
    y += METRICS.badgeHeight + 4;
  }
}

export function drawCard(scene: Scene, plan: CardPlan, lane: Lane, x: number, y: number, width: number) {
  const { card } = plan;
  scene.rect(`card.${cardColorOf(card, lane)}`, x, y, width, plan.height, { radius: 6, recordId: card.id });
  if (plan.isAssumption) {
    scene.rect('card.assumption', x + 1, y + 1, width - 2, plan.height - 2, {
      radius: 5,
      dash: 'dashed',
      isOutline: true,
    });
  }
  const rtl = isRightToLeft(card.text);
  scene.nodes.push({
    kind: 'text',
    style: 'card.text',
    x: rtl ? x + width - METRICS.cardPadding : x + METRICS.cardPadding,
    y: y + METRICS.cardPadding + 12,
    lines: plan.lines,
    size: METRICS.cardText,
    weight: 'normal',
    lineHeight: METRICS.cardLine,
    anchor: rtl ? 'end' : 'start',
    ...(rtl ? { isRightToLeft: true } : {}),
    recordId: card.id,
  });
  const badgeTop = y + METRICS.cardPadding + plan.lines.length * METRICS.cardLine + 6;
  drawBadgeRows(scene, plan.badgeRows, x + METRICS.cardPadding, badgeTop);
}
