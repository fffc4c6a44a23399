import { z } from 'zod';
import { MetricBindingSchema, TrailmapError, type Journey } from '@trailmap/schema';
import { patch, put } from '../../ops';
import { findRecord, requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { chosenId, clearable, definedOnly } from '../fields';
import { allocateId } from '../guards';

const binding = MetricBindingSchema.shape;

function requireTarget(doc: Journey, targetId: string) {
  if (targetId.startsWith('stage:')) requireRecord(doc, 'stages', targetId);
  else if (targetId.startsWith('step:')) requireRecord(doc, 'steps', targetId);
  else if (targetId.startsWith('card:')) requireRecord(doc, 'cards', targetId);
  else throw new TrailmapError('INVALID_TARGET', `"${targetId}" cannot be bound to data`, { status: 422 });
}

/**
 * One live binding per target and dataset: setting it again edits that binding. Passing the id of
 * an existing (even tombstoned) binding edits and revives that one.
 */
export const setBinding = defineCommand({
  id: 'binding.set',
  summary: 'Bind a stage, step or card to the events that measure it (creates or replaces the rule)',
  input: z.strictObject({
    targetId: binding.targetId,
    dataset: clearable(binding.dataset.unwrap()),
    rule: binding.rule,
    id: chosenId('metricBinding').describe('Edit this binding, or create it with this id'),
  }),
  history: 'record',
  run: (doc, { targetId, dataset, rule, id }, ctx) => {
    requireTarget(doc, targetId);
    const existing =
      (id === undefined ? undefined : findRecord(doc, 'metricBindings', id)) ??
      (id === undefined
        ? doc.metricBindings.find(
            (other) =>
              other.deletedAt === undefined &&
              other.targetId === targetId &&
              other.dataset === (dataset ?? undefined),
          )
        : undefined);
    if (existing) {
      return [
        patch('metricBindings', existing.id, {
          targetId,
          rule,
          deletedAt: undefined,
          ...(dataset === undefined ? {} : { dataset: dataset ?? undefined }),
        }),
      ];
    }
    return [
      put(
        'metricBindings',
        definedOnly({
          id: allocateId(doc, 'metricBinding', ctx, id),
          targetId,
          dataset: dataset ?? undefined,
          rule,
        }),
      ),
    ];
  },
});
