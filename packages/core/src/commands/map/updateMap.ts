import { z } from 'zod';
import { JourneyMapSchema, conflict } from '@trailmap/schema';
import { patchMap } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const map = JourneyMapSchema.shape;

export const updateMap = defineCommand({
  id: 'map.update',
  summary: "Edit the map's own fields (title, type, scenario, persona, review, comparison…)",
  input: z.strictObject({
    title: map.title.optional(),
    type: map.type.optional(),
    description: clearable(map.description.unwrap()),
    scenario: clearable(map.scenario.unwrap()),
    expectations: map.expectations.unwrap().optional(),
    tags: map.tags.unwrap().optional(),
    review: clearable(map.review.unwrap()),
    compare: clearable(map.compare.unwrap()),
    personaId: clearable(map.personaId.unwrap()),
  }),
  history: 'merge',
  run: (doc, input) => {
    if (input.personaId != null) requireRecord(doc, 'personas', input.personaId);
    if (input.compare != null && input.compare.mapId === doc.map.id) {
      throw conflict('SELF_REFERENCE', 'a map cannot be compared with itself');
    }
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patchMap(changes)];
  },
});
