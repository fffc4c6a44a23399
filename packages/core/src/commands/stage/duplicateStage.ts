import { z } from 'zod';
import { idOf } from '@trailmap/schema';
import { put, type Op } from '../../ops';
import { indexFor } from '../../ordering';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId } from '../fields';
import { allocateId, allocateIds } from '../guards';

export const duplicateStage = defineCommand({
  id: 'stage.duplicate',
  summary: 'Copy a stage with its steps, cards and emotion points right after the original',
  input: z.strictObject({
    id: idOf('stage'),
    newId: chosenId('stage'),
    name: z.string().min(1).max(200).optional().describe('Default: the original name'),
  }),
  history: 'record',
  run: (doc, { id, newId, name }, ctx) => {
    const stage = requireRecord(doc, 'stages', id);
    const copyId = allocateId(doc, 'stage', ctx, newId);
    const steps = doc.steps.filter((step) => step.stageId === id);
    const cards = doc.cards.filter((card) => card.stageId === id);
    const emotions = doc.emotions.filter((point) => point.stageId === id);
    const stepIds = allocateIds(doc, 'step', ctx, steps.length);
    const cardIds = allocateIds(doc, 'card', ctx, cards.length);
    const emotionIds = allocateIds(doc, 'emotion', ctx, emotions.length);
    const stepCopy = new Map(steps.map((step, i) => [step.id, stepIds[i]!]));
    const ops: Op[] = [
      put('stages', {
        ...stage,
        id: copyId,
        index: indexFor(doc.stages, { after: id }),
        name: name ?? stage.name,
      }),
    ];
    steps.forEach((step, i) => ops.push(put('steps', { ...step, id: stepIds[i]!, stageId: copyId })));
    cards.forEach((card, i) => {
      const stepId = card.stepId === undefined ? undefined : stepCopy.get(card.stepId);
      const copy = {
        ...card,
        id: cardIds[i]!,
        stageId: copyId,
        tags: [...card.tags],
        evidenceIds: [...card.evidenceIds],
      };
      if (stepId === undefined) delete copy.stepId;
      else copy.stepId = stepId;
      ops.push(put('cards', copy));
    });
    emotions.forEach((point, i) => {
      const copy = { ...point, id: emotionIds[i]!, stageId: copyId, evidenceIds: [...point.evidenceIds] };
      if (point.stepId !== undefined) copy.stepId = stepCopy.get(point.stepId)!;
      ops.push(put('emotions', copy));
    });
    return ops;
  },
});
