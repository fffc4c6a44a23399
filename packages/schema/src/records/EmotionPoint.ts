import { z } from 'zod';
import { EvidenceIdsSchema, TextSchema, idOf } from '../primitives';
import type { LooseRecord, Migration } from '../migration';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** One point of the emotion curve: how the persona feels in a stage (or one of its steps). */
export const EmotionPointSchema = z.strictObject({
  id: idOf('emotion'),
  stageId: idOf('stage'),
  stepId: idOf('step').optional(),
  score: z
    .number()
    .min(EMOTION_MIN, `score must be between ${EMOTION_MIN} and +${EMOTION_MAX}`)
    .max(EMOTION_MAX, `score must be between ${EMOTION_MIN} and +${EMOTION_MAX}`),
  emoji: TextSchema(16).optional(),
  note: TextSchema(1000).optional(),
  evidenceIds: EvidenceIdsSchema.default([]),
});
export type EmotionPoint = z.infer<typeof EmotionPointSchema>;

export const emotionPointMigrations: Migration[] = [
  {
    id: 'trailmap.emotion/2-centered-scale',
    toVersion: 2,
    description: 'Scores moved from a 1..5 scale to a centered -2..+2 scale',
    collection: 'emotions',
    up: (point: LooseRecord) =>
      typeof point.score === 'number' ? { ...point, score: point.score - 3 } : point,
  },
];
