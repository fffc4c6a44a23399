import { z } from 'zod';
import { EmotionPointSchema } from '@trailmap/schema';
import { remove } from '../../ops';
import { emotionAt } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { requireCell } from '../guards';

export const clearEmotion = defineCommand({
  id: 'emotion.clear',
  summary: 'Remove the emotion point of a stage or step (nothing happens when there is none)',
  input: z.strictObject({
    stageId: EmotionPointSchema.shape.stageId,
    stepId: EmotionPointSchema.shape.stepId,
  }),
  history: 'record',
  run: (doc, { stageId, stepId }) => {
    requireCell(doc, { stageId, stepId });
    const existing = emotionAt(doc, stageId, stepId);
    return existing ? [remove('emotions', existing.id)] : [];
  },
});
