import { z } from 'zod';
import { OpportunitySchema } from '@trailmap/schema';
import { patch } from '../../ops';
import { requireRecord } from '../../selectors';
import { defineCommand } from '../defineCommand';
import { changesFrom, clearable } from '../fields';

const opportunity = OpportunitySchema.shape;

export const updateOpportunity = defineCommand({
  id: 'opportunity.update',
  summary: 'Edit an opportunity’s action-plan fields (title, owner, KPI, target, deadline, budget, status…)',
  input: z.strictObject({
    id: opportunity.id,
    title: opportunity.title.optional(),
    description: clearable(opportunity.description.unwrap()),
    owner: clearable(opportunity.owner.unwrap()),
    kpi: clearable(opportunity.kpi.unwrap()),
    baseline: clearable(opportunity.baseline.unwrap()),
    target: clearable(opportunity.target.unwrap()),
    deadline: clearable(opportunity.deadline.unwrap()),
    budget: clearable(opportunity.budget.unwrap()),
    status: opportunity.status.unwrap().optional(),
    tags: opportunity.tags.unwrap().optional(),
  }),
  history: 'merge',
  run: (doc, { id, ...input }) => {
    requireRecord(doc, 'opportunities', id);
    const changes = changesFrom(input);
    return Object.keys(changes).length === 0 ? [] : [patch('opportunities', id, changes)];
  },
});
