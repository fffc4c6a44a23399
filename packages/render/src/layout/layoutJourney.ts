import type { Journey, Lane, Opportunity } from '@trailmap/schema';
import { drawCard, planCard, type CardPlan } from './cards';
import { layoutColumns, type StageSpan } from './columns';
import { drawConnection, type Box } from './connections';
import { drawEmotionCurve } from './emotionCurve';
import { drawFooter, FOOTER_HEIGHT } from './footer';
import { drawHeader } from './header';
import { BLUEPRINT_LABELS } from './legend';
import { buildModel, cellKey, LANE_KIND_LABELS, type Model } from './model';
import { drawOpportunity } from './opportunities';
import { METRICS, Scene } from './scene';
import { drawStageHeaders } from './stageHeaders';
import type { Layout, LayoutOptions, RowBox } from './types';

const MIN_CONTENT_WIDTH = METRICS.minContentWidth;
const MIN_LANE_HEIGHT = METRICS.minLaneHeight;
const COLLAPSED_LANE_HEIGHT = METRICS.collapsedLaneHeight;

/** Emotions drawn in an "emotions" lane, or in a lane added on top when the map has none. */
const EMOTION_LANE: Lane = { id: 'lane:emotion-curve', index: 'a0', kind: 'emotions', label: 'Emotion' };

interface LanePlan {
  lane: Lane;
  height: number;
  cells: { x: number; width: number; plans: CardPlan[] }[];
}

function planLanes(model: Model, spans: StageSpan[], options: LayoutOptions): LanePlan[] {
  const lanes = [...model.lanes];
  if (!lanes.some((lane) => lane.kind === 'emotions') && model.doc.emotions.length > 0)
    lanes.unshift(EMOTION_LANE);
  return lanes.map((lane) => {
    if (lane.collapsed) return { lane, height: COLLAPSED_LANE_HEIGHT, cells: [] };
    if (lane.kind === 'emotions') return { lane, height: METRICS.emotionLaneHeight, cells: [] };
    const cells = spans.flatMap((span) =>
      span.columns.map((column) => {
        const cards = model.cardsByCell.get(cellKey(lane.id, span.stageId, column.stepId)) ?? [];
        const width = column.width - 2 * METRICS.cardGap;
        return {
          x: column.x + METRICS.cardGap,
          width,
          plans: cards.map((card) => planCard(card, width, model, !!options.hideEvidence)),
        };
      }),
    );
    const tallest = Math.max(
      0,
      ...cells.map((cell) => cell.plans.reduce((sum, plan) => sum + plan.height + METRICS.cardGap, 0)),
    );
    return { lane, height: Math.max(MIN_LANE_HEIGHT, tallest + METRICS.cardGap), cells };
  });
}

function drawLaneHeader(scene: Scene, plan: LanePlan, x: number, y: number) {
  const width = METRICS.laneHeaderWidth - 8;
  scene.rect('lane.header', x, y + 2, width, plan.height - 4, { radius: 6 });
  let cursor = y + 10;
  cursor += scene.text('text.strong', plan.lane.label, x + 12, cursor, {
    size: 13,
    weight: 'bold',
    maxWidth: width - 24,
    maxLines: 3,
  });
  const kindLabel = LANE_KIND_LABELS[plan.lane.kind];
  const kind = [kindLabel === plan.lane.label ? '' : kindLabel, plan.lane.collapsed ? 'collapsed' : '']
    .filter(Boolean)
    .join(' · ');
  if (kind && plan.height > 40)
    scene.text('text.muted', kind, x + 12, cursor + 2, { size: 10, maxWidth: width - 24, maxLines: 1 });
}

function drawBlueprintLine(scene: Scene, lane: Lane, left: number, right: number, y: number) {
  if (!lane.lineAbove) return;
  const [label, dash] = BLUEPRINT_LABELS[lane.lineAbove];
  scene.line('blueprint.line', left, y, right, y, { width: 2, ...(dash ? { dash } : {}) });
  scene.text('blueprint.label', label.toUpperCase(), right - 320, y - 15, {
    size: 9,
    weight: 'bold',
    maxWidth: 312,
    maxLines: 1,
    anchor: 'end',
  });
}

/**
 * Positions every element of a journey map: header (title, persona, scenario, legend), stage
 * columns, lanes with cards, the emotion curve, touchpoint connections, service-blueprint lines,
 * opportunities and the title block. Pure and DOM-free; same document and options → same layout.
 */
export function layoutJourney(doc: Journey, options: LayoutOptions = {}): Layout {
  const model = buildModel(doc);
  const { margin, gap, laneHeaderWidth } = METRICS;
  const minContent = Math.max(options.minWidth ?? MIN_CONTENT_WIDTH, MIN_CONTENT_WIDTH);
  const spans = layoutColumns(model, margin + laneHeaderWidth, minContent - laneHeaderWidth);
  const gridRight =
    spans.length > 0 ? spans[spans.length - 1]!.x + spans[spans.length - 1]!.width : margin + minContent;
  const contentWidth = Math.max(gridRight - margin, minContent);
  const scene = new Scene();

  let y = drawHeader(scene, model, margin, margin, contentWidth) + gap * 1.5;
  y = drawStageHeaders(scene, model, spans, margin, y);

  const lanePlans = planLanes(model, spans, options);
  const rows: RowBox[] = [];
  const cardBoxes = new Map<string, Box>();
  lanePlans.forEach((plan, i) => {
    scene.rect(i % 2 === 0 ? 'lane.band' : 'lane.band.alt', margin, y, gridRight - margin, plan.height);
    scene.line('grid.line', margin, y + plan.height, gridRight, y + plan.height, { width: 1 });
    drawLaneHeader(scene, plan, margin, y);
    rows.push({ laneId: plan.lane.id, y, height: plan.height });
    if (plan.lane.kind === 'emotions' && !plan.lane.collapsed) {
      drawEmotionCurve(scene, [...doc.emotions], spans, y, plan.height);
    }
    for (const cell of plan.cells) {
      let cardY = y + METRICS.cardGap;
      for (const cardPlan of cell.plans) {
        drawCard(scene, cardPlan, plan.lane, cell.x, cardY, cell.width);
        cardBoxes.set(cardPlan.card.id, { x: cell.x, y: cardY, width: cell.width, height: cardPlan.height });
        cardY += cardPlan.height + METRICS.cardGap;
      }
    }
    y += plan.height;
  });
  for (const span of spans.slice(1)) {
    scene.line('grid.line', span.x, rows[0]?.y ?? y, span.x, y, { width: 1 });
  }
  rows.forEach((row, i) =>
    drawBlueprintLine(scene, lanePlans[i]!.lane, margin + laneHeaderWidth, gridRight, row.y),
  );

  const connections = [...doc.connections].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const connection of connections) {
    const from = cardBoxes.get(connection.fromCardId);
    const to = cardBoxes.get(connection.toCardId);
    if (from && to && connection.fromCardId !== connection.toCardId)
      drawConnection(scene, connection, from, to);
  }

  if (doc.opportunities.length > 0)
    y = drawOpportunityBand(scene, model, spans, y + gap, !!options.hideEvidence);

  y += gap * 1.5;
  drawFooter(scene, doc, options, margin, y, contentWidth);
  const height = y + FOOTER_HEIGHT + margin;
  const width = margin + contentWidth + margin;
  scene.nodes.unshift({ kind: 'rect', style: 'canvas', x: 0, y: 0, width, height });
  return {
    width,
    height,
    title: doc.map.title,
    description: doc.map.description ?? doc.map.scenario ?? '',
    columns: spans.flatMap((span) =>
      span.columns.map(({ stageId, stepId, x, width: w }) => ({
        stageId,
        ...(stepId ? { stepId } : {}),
        x,
        width: w,
      })),
    ),
    rows,
    nodes: scene.nodes,
  };
}

function drawOpportunityBand(
  scene: Scene,
  model: Model,
  spans: StageSpan[],
  top: number,
  hideEvidence: boolean,
): number {
  const { margin, laneHeaderWidth, cardGap } = METRICS;
  const evidenceOf = (opportunity: Opportunity) =>
    hideEvidence ? undefined : opportunity.evidenceIds.flatMap((id) => model.evidence.get(id) ?? []);
  const measured = spans.map((span) =>
    (model.opportunitiesByStage.get(span.stageId) ?? []).reduce(
      (sum, opportunity) =>
        sum +
        drawOpportunity(new Scene(), opportunity, 0, 0, span.width - 2 * cardGap, evidenceOf(opportunity)) +
        cardGap,
      0,
    ),
  );
  const height = Math.max(MIN_LANE_HEIGHT, Math.max(0, ...measured) + cardGap);
  const right = spans.length > 0 ? spans[spans.length - 1]!.x + spans[spans.length - 1]!.width : margin;
  scene.rect('lane.band.alt', margin, top, right - margin, height);
  const headerWidth = laneHeaderWidth - 8;
  scene.rect('lane.header', margin, top + 2, headerWidth, height - 4, { radius: 6 });
  scene.text('text.strong', 'Opportunities', margin + 12, top + 10, {
    size: 13,
    weight: 'bold',
    maxWidth: headerWidth - 24,
  });
  scene.text('text.muted', 'Action plan', margin + 12, top + 30, { size: 10, maxWidth: headerWidth - 24 });
  for (const span of spans) {
    let y = top + cardGap;
    for (const opportunity of model.opportunitiesByStage.get(span.stageId) ?? []) {
      const width = span.width - 2 * cardGap;
      y += drawOpportunity(scene, opportunity, span.x + cardGap, y, width, evidenceOf(opportunity)) + cardGap;
    }
  }
  return top + height;
}
