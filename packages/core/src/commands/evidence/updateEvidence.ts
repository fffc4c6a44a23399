import { z } from 'zod';
import { EvidenceSchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';
import { requireLiveEvidence } from '../guards';

const evidence = EvidenceSchema.shape;

export const updateEvidence = defineCommand({
  id: 'evidence.update',
  summary: 'Edit an evidence record (source, quote, link, date, confidence…)',
  input: z.strictObject({
    id: evidence.id,
    source: evidence.source.optional(),
    title: clearable(evidence.title.unwrap()),
    quote: clearable(evidence.quote.unwrap()),
    url: clearable(evidence.url.unwrap()),
    date: clearable(evidence.date.unwrap()),
    confidence: evidence.confidence.unwrap().optional(),
    query: clearable(evidence.query.unwrap()),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireLiveEvidence(doc, id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('evidence', id, changes)];
  },
});
