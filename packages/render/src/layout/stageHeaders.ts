import type { Stage } from '@trailmap/schema';
import type { StageSpan } from './columns';
import type { Model } from './model';
import { METRICS, Scene } from './scene';

const STEP_ROW_HEIGHT = 30;
const PADDING = 12;

export function formatDuration(duration: Stage['duration']): string | undefined {
  if (!duration) return undefined;
  const range =
    duration.max !== undefined && duration.max !== duration.min
      ? `${duration.min}–${duration.max}`
      : `${duration.min}`;
  const unit =
    duration.max === undefined && duration.min === 1 ? duration.unit.replace(/s$/, '') : duration.unit;
  return `${range} ${unit}`;
}

function drawStage(target: Scene, stage: Stage, number: number, x: number, y: number, width: number): number {
  const inner = width - 2 * PADDING;
  let cursor = y + PADDING;
  target.text('stage.text', String(number).padStart(2, '0'), x + PADDING, cursor, {
    size: 10,
    weight: 'bold',
    maxWidth: inner,
    maxLines: 1,
  });
  cursor += 15;
  cursor += target.text('stage.text', stage.name, x + PADDING, cursor, {
    size: 15,
    weight: 'bold',
    maxWidth: inner,
    maxLines: 2,
    lineHeight: 19,
  });
  const duration = formatDuration(stage.duration);
  if (duration)
    cursor +=
      2 +
      target.text('stage.text', duration, x + PADDING, cursor + 2, {
        size: 11,
        maxWidth: inner,
        maxLines: 1,
      });
  if (stage.goal)
    cursor +=
      4 +
      target.text('stage.text', stage.goal, x + PADDING, cursor + 4, {
        size: 11,
        maxWidth: inner,
        maxLines: 2,
        lineHeight: 14,
      });
  return cursor - y + PADDING;
}

/** Stage header row (number, name, duration, goal) and, when any stage has steps, a step row. */
export function drawStageHeaders(
  scene: Scene,
  model: Model,
  spans: StageSpan[],
  left: number,
  top: number,
): number {
  const stages = new Map(model.stages.map(({ stage }) => [stage.id, stage]));
  const height = Math.max(
    56,
    ...spans.map((span, i) =>
      drawStage(new Scene(), stages.get(span.stageId)!, i + 1, span.x, 0, span.width),
    ),
  );
  spans.forEach((span, i) => {
    scene.rect(i % 2 === 0 ? 'stage.header' : 'stage.header.alt', span.x, top, span.width, height, {
      recordId: span.stageId,
    });
    drawStage(scene, stages.get(span.stageId)!, i + 1, span.x, top, span.width);
  });
  scene.text('text.muted', 'STAGES', left, top + PADDING, {
    size: 10,
    weight: 'bold',
    maxWidth: METRICS.laneHeaderWidth - 16,
  });
  let bottom = top + height;
  const hasSteps = spans.some((span) => span.columns.some((column) => column.label !== undefined));
  if (hasSteps) {
    for (const span of spans) {
      for (const column of span.columns) {
        scene.rect(
          'step.header',
          column.x,
          bottom,
          column.width,
          STEP_ROW_HEIGHT,
          column.stepId ? { recordId: column.stepId } : {},
        );
        if (column.label) {
          scene.text('text', column.label, column.x + 8, bottom + 7, {
            size: 11,
            weight: 'bold',
            maxWidth: column.width - 16,
            maxLines: 1,
          });
        }
      }
    }
    scene.text('text.muted', 'STEPS', left, bottom + 9, {
      size: 10,
      weight: 'bold',
      maxWidth: METRICS.laneHeaderWidth - 16,
    });
    bottom += STEP_ROW_HEIGHT;
  }
  return bottom;
}
