import type { Connection } from '@trailmap/schema';
import { confidenceDots, flowBadges, drawBadgeRows } from './cards';
import { emotionLevel } from './emotionCurve';
import type { Model } from './model';
import { METRICS, type Scene } from './scene';
import type { Dash } from './types';

export const LEGEND_WIDTH = 300;
const PADDING = 16;

const CONNECTION_LABELS: Record<Connection['kind'], [string, Dash | undefined]> = {
  direct: ['Direct', undefined],
  bidirectional: ['Bidirectional', undefined],
  'controlled-evaluation': ['Controlled evaluation', 'dashed'],
  'open-exploration': ['Open exploration', 'dotted'],
};

export const BLUEPRINT_LABELS = {
  interaction: ['Line of interaction', undefined],
  visibility: ['Line of visibility', 'dashed'],
  'internal-interaction': ['Line of internal interaction', 'dashdot'],
} as const;

interface Usage {
  connectionKinds: Connection['kind'][];
  hasEvidence: boolean;
  blueprintLines: (keyof typeof BLUEPRINT_LABELS)[];
}

function usageOf(model: Model): Usage {
  const kinds = new Set(model.doc.connections.map((connection) => connection.kind));
  const lines = new Set(model.lanes.flatMap((lane) => (lane.lineAbove ? [lane.lineAbove] : [])));
  return {
    connectionKinds: (Object.keys(CONNECTION_LABELS) as Connection['kind'][]).filter((kind) =>
      kinds.has(kind),
    ),
    hasEvidence: model.evidence.size > 0,
    blueprintLines: (Object.keys(BLUEPRINT_LABELS) as (keyof typeof BLUEPRINT_LABELS)[]).filter((line) =>
      lines.has(line),
    ),
  };
}

export function legendHeight(model: Model): number {
  const usage = usageOf(model);
  let height = 2 * PADDING + 16 + 40;
  if (usage.connectionKinds.length > 0) height += 22 + 18 * usage.connectionKinds.length;
  if (usage.blueprintLines.length > 0) height += 22 + 18 * usage.blueprintLines.length;
  if (usage.hasEvidence) height += 22 + 48;
  return height;
}

function heading(scene: Scene, label: string, x: number, y: number) {
  scene.text('text.muted', label, x, y, { size: 10, weight: 'bold', maxWidth: LEGEND_WIDTH - 2 * PADDING });
  return 18;
}

function sampleLine(
  scene: Scene,
  label: string,
  dash: Dash | undefined,
  x: number,
  y: number,
  hasBothHeads = false,
) {
  scene.line('connection', x, y + 8, x + 34, y + 8, { width: 1.75, ...(dash ? { dash } : {}) });
  scene.path('connection', [['M', x + 40, y + 8], ['L', x + 32, y + 4], ['L', x + 32, y + 12], ['Z']]);
  if (hasBothHeads)
    scene.path('connection', [['M', x - 6, y + 8], ['L', x + 2, y + 4], ['L', x + 2, y + 12], ['Z']]);
  scene.text('text', label, x + 50, y, { size: 11, maxWidth: LEGEND_WIDTH - 2 * PADDING - 50, maxLines: 1 });
}

/** What the marks mean; only the kinds of marks the map actually uses are listed. */
export function drawLegend(scene: Scene, model: Model, x: number, y: number) {
  const usage = usageOf(model);
  const left = x + PADDING;
  let cursor = y + PADDING;
  cursor += heading(scene, 'EMOTION', left, cursor);
  [-2, -1, 0, 1, 2].forEach((score, i) => {
    const cx = left + 12 + i * 52;
    scene.circle(`emotion.${emotionLevel(score)}`, cx, cursor + 12, 10);
    scene.text('text.muted', score > 0 ? `+${score}` : `${score}`, cx - 20, cursor + 26, {
      size: 10,
      maxWidth: 40,
      anchor: 'middle',
    });
  });
  cursor += 40;
  if (usage.connectionKinds.length > 0) {
    cursor += 4 + heading(scene, 'CONNECTIONS', left, cursor + 4);
    for (const kind of usage.connectionKinds) {
      const [label, dash] = CONNECTION_LABELS[kind];
      sampleLine(scene, label, dash, left + 6, cursor, kind === 'bidirectional');
      cursor += 18;
    }
  }
  if (usage.blueprintLines.length > 0) {
    cursor += 4 + heading(scene, 'SERVICE BLUEPRINT', left, cursor + 4);
    for (const line of usage.blueprintLines) {
      const [label, dash] = BLUEPRINT_LABELS[line];
      scene.line('blueprint.line', left, cursor + 8, left + 40, cursor + 8, {
        width: 2,
        ...(dash ? { dash } : {}),
      });
      scene.text('text', label, left + 50, cursor, {
        size: 11,
        maxWidth: LEGEND_WIDTH - 2 * PADDING - 50,
        maxLines: 1,
      });
      cursor += 18;
    }
  }
  if (usage.hasEvidence) {
    cursor += 4 + heading(scene, 'EVIDENCE (SOURCE, CONFIDENCE)', left, cursor + 4);
    const rows = flowBadges(
      [
        { label: `Interview ${confidenceDots('high')}`, style: 'badge.evidence', textStyle: 'text' },
        { label: `Survey ${confidenceDots('low')}`, style: 'badge.evidence', textStyle: 'text' },
        { label: '⚠ Assumption', style: 'badge.assumption', textStyle: 'text.onAccent' },
      ],
      LEGEND_WIDTH - 2 * PADDING,
    );
    drawBadgeRows(scene, rows, left, cursor);
    cursor += rows.length * (METRICS.badgeHeight + 4);
  }
}
