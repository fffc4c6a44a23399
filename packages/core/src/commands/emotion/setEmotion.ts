import { z } from 'zod';
import { EmotionPointSchema } from '@trailmap/schema';
import { patch, put } from '../../ops';
import { emotionAt } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, chosenId, clearable, definedOnly } from '../fields';
import { allocateId, requireCell, requireEvidenceIds } from '../guards';

const point = EmotionPointSchema.shape;

export const setEmotion = defineCommand({
  id: 'emotion.set',
  summary: 'Set how the persona feels in a stage or step (creates or updates its emotion point)',
  input: z.strictObject({
    stageId: point.stageId,
    stepId: point.stepId,
    score: point.score,
    emoji: clearable(point.emoji.unwrap()),
    note: clearable(point.note.unwrap()),
    evidenceIds: point.evidenceIds.unwrap().optional(),
    id: chosenId('emotion').describe('Id for a new point; ignored when the stage/step already has one'),
  }),
  // Dragging a point along the curve sends many sets; they merge into one undo step.
  history: 'merge',
  run: (doc, { stageId, stepId, id, ...fields }, ctx) => {
    requireCell(doc, { stageId, stepId });
    requireEvidenceIds(doc, fields.evidenceIds);
    const existing = emotionAt(doc, stageId, stepId);
    if (existing) return [patch('emotions', existing.id, changesFrom(fields))];
    return [
      put(
        'emotions',
        definedOnly({
          id: allocateId(doc, 'emotion', ctx, id),
          stageId,
          stepId,
          score: fields.score,
          emoji: fields.emoji ?? undefined,
          note: fields.note ?? undefined,
          evidenceIds: fields.evidenceIds ?? [],
        }),
      ),
    ];
  },
});
