import { describe, expect, it } from 'vitest';
import { TrailmapError, validateJourney, type Journey } from '@trailmap/schema';
import { fixedContext } from '../commands/context';
import { TEMPLATES, createFromTemplate, createTemplatePair, getTemplate, templateExample } from './index';

const REQUIRED_IDS = [
  'ecommerce',
  'lifecycle-8',
  'b2b-saas',
  'onboarding',
  'service-blueprint',
  'day-in-the-life',
  'future-state',
  'current-state',
  'blank',
];

const expectValid = (doc: Journey, knownMapIds?: Set<string>) => {
  const result = validateJourney(doc, knownMapIds ? { knownMapIds } : {});
  expect(result.ok ? [] : result.issues).toEqual([]);
  return doc;
};

describe('template catalogue', () => {
  it('offers the required templates with unique ids', () => {
    const ids = TEMPLATES.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_IDS));
    expect(ids.length).toBeGreaterThanOrEqual(8);
  });

  it('describes each template consistently with what it builds', () => {
    for (const info of TEMPLATES) {
      const doc = templateExample(info.id);
      expect(info.stageCount, info.id).toBe(doc.stages.length);
      expect(info.stepCount, info.id).toBe(doc.steps.length);
      expect(info.cardCount, info.id).toBe(doc.cards.length);
      expect(info.laneKinds, info.id).toEqual(doc.lanes.map((lane) => lane.kind));
      expect(info.mapType, info.id).toBe(doc.map.type);
      expect(info.hasPersona, info.id).toBe(doc.personas.length > 0);
    }
  });

  it('rejects an unknown template with TEMPLATE_NOT_FOUND', () => {
    expect(() => getTemplate('nope')).toThrow(TrailmapError);
    try {
      createFromTemplate('nope', { ctx: fixedContext() });
    } catch (error) {
      expect((error as TrailmapError).code).toBe('TEMPLATE_NOT_FOUND');
      expect((error as TrailmapError).status).toBe(404);
    }
    expect.assertions(3);
  });

  it('has the expected stage sets', () => {
    expect(getTemplate('ecommerce').stageCount).toBe(5);
    expect(getTemplate('lifecycle-8').stageNames).toEqual([
      'Awareness',
      'Consideration',
      'Decision & purchase',
      'Onboarding',
      'Usage & adoption',
      'Support',
      'Loyalty & retention',
      'Advocacy',
    ]);
    expect(getTemplate('b2b-saas').stageNames).toEqual([
      'Need',
      'Research',
      'Evaluation',
      'Procurement',
      'Implementation',
      'Renewal',
    ]);
    expect(getTemplate('onboarding').stepCount).toBeGreaterThan(getTemplate('onboarding').stageCount);
  });
});

describe.each(TEMPLATES.map((template) => template.id))('template %s', (templateId) => {
  it('builds a valid example with readable ids', () => {
    const doc = expectValid(templateExample(templateId));
    expect(doc.stages.every((stage) => /^stage:[a-z]/.test(stage.id))).toBe(true);
    expect(templateExample(templateId)).toEqual(doc);
  });

  it('builds a valid new map whose ids come from the context', () => {
    const ctx = fixedContext(undefined, 'x');
    const doc = expectValid(createFromTemplate(templateId, { ctx, title: 'My map' }));
    expect(doc.map.title).toBe('My map');
    expect(doc.map.id).toMatch(/^map:x\d+$/);
    expect(doc.cards.every((card) => /^card:x\d+$/.test(card.id))).toBe(true);
    const other = createFromTemplate(templateId, { ctx });
    const ids = new Set([doc.map.id, ...doc.stages.map((s) => s.id), ...doc.cards.map((c) => c.id)]);
    expect([other.map.id, ...other.stages.map((s) => s.id)].some((id) => ids.has(id))).toBe(false);
  });

  if (templateId === 'blank') return;

  it('has realistic content', () => {
    const doc = templateExample(templateId);
    const persona = doc.personas.find((candidate) => candidate.id === doc.map.personaId);
    expect(persona?.goals.length).toBeGreaterThan(0);
    expect(persona?.needs.length).toBeGreaterThan(0);
    expect(persona?.frustrations.length).toBeGreaterThan(0);
    expect(persona?.quote).toBeTruthy();
    expect(doc.map.scenario).toBeTruthy();
    expect(doc.map.expectations.length).toBeGreaterThan(0);
    for (const stage of doc.stages) {
      expect(stage.goal, stage.name).toBeTruthy();
      expect(stage.duration, stage.name).toBeDefined();
      expect(
        doc.emotions.some((point) => point.stageId === stage.id),
        `emotion point for ${stage.name}`,
      ).toBe(true);
    }
    const laneKind = new Map(doc.lanes.map((lane) => [lane.id, lane.kind]));
    const cardById = new Map(doc.cards.map((card) => [card.id, card]));
    expect(doc.opportunities.length).toBeGreaterThan(0);
    for (const opportunity of doc.opportunities) {
      expect(opportunity.problemCardIds.length, opportunity.title).toBeGreaterThan(0);
      for (const cardId of opportunity.problemCardIds) {
        expect(laneKind.get(cardById.get(cardId)?.laneId ?? ''), opportunity.title).toBe('pain-points');
      }
      expect(opportunity.owner && opportunity.kpi && opportunity.target && opportunity.deadline).toBeTruthy();
    }
    expect(doc.evidence.some((item) => item.source === 'assumption')).toBe(true);
    expect(new Set(doc.evidence.map((item) => item.source)).size).toBeGreaterThanOrEqual(3);
    expect(doc.connections.length).toBeGreaterThan(0);
    expect(doc.cards.some((card) => card.channel !== undefined)).toBe(true);
    expect(doc.cards.some((card) => card.priority !== undefined && card.tags.length >= 0)).toBe(true);
  });
});

describe('service blueprint', () => {
  it('draws the three blueprint lines in order', () => {
    const doc = templateExample('service-blueprint');
    const lines = [...doc.lanes]
      .sort((a, b) => (a.index < b.index ? -1 : 1))
      .flatMap((lane) => (lane.lineAbove ? [`${lane.lineAbove}>${lane.kind}`] : []));
    expect(lines).toEqual(['interaction>frontstage', 'visibility>backstage', 'internal-interaction>support']);
  });
});

describe('data bindings', () => {
  it('binds the current-state claim stages to the teleclaims sample log', () => {
    const doc = templateExample('current-state');
    const bound = new Set(doc.metricBindings.map((binding) => binding.targetId));
    expect(bound).toEqual(
      new Set(['stage:report', 'stage:document', 'stage:assess', 'stage:decide', 'stage:repair']),
    );
    expect(doc.metricBindings.every((binding) => binding.dataset === 'teleclaims')).toBe(true);
  });
});

describe('dates', () => {
  it('places deadlines and review dates after the creation date and evidence before it', () => {
    const doc = createFromTemplate('ecommerce', { ctx: fixedContext(), today: '2027-06-01' });
    expect(doc.opportunities.every((o) => o.deadline! > '2027-06-01')).toBe(true);
    expect(doc.evidence.filter((e) => e.date).every((e) => e.date! < '2027-06-01')).toBe(true);
    expect(doc.map.review?.nextReviewDate).toBe('2027-08-30');
  });

  it('uses the context clock when no date is passed', () => {
    const doc = createFromTemplate('ecommerce', { ctx: fixedContext('2030-01-10T08:00:00Z') });
    expect(doc.map.review?.nextReviewDate).toBe('2030-04-10');
  });
});

describe('current/future pair', () => {
  it('links the future map to the current one and validates both with the link checked', () => {
    const { current, future } = createTemplatePair({
      ctx: fixedContext(),
      currentFile: 'current.journey.json',
    });
    expect(future.map.compare).toMatchObject({
      mapId: current.map.id,
      relation: 'current-state',
      file: 'current.journey.json',
    });
    expect(current.map.type).toBe('current-state');
    expect(future.map.type).toBe('future-state');
    const known = new Set([current.map.id, future.map.id]);
    expectValid(current, known);
    expectValid(future, known);
  });

  it('shares ids for records that stand for the same thing', () => {
    const { current, future } = createTemplatePair({ ctx: fixedContext() });
    const stageIds = new Set(current.stages.map((stage) => stage.id));
    expect(future.stages.filter((stage) => stageIds.has(stage.id)).length).toBe(future.stages.length);
    expect(future.map.personaId).toBe(current.map.personaId);
    const keptText = 'Emails photos and the plumber invoice';
    const before = current.cards.find((card) => card.text === keptText);
    const after = future.cards.find((card) => card.text === keptText);
    expect(after?.id).toBe(before?.id);
    expect(future.map.id).not.toBe(current.map.id);
  });

  it('links a single future-state map only when told what to compare with', () => {
    const ctx = fixedContext();
    expect(createFromTemplate('future-state', { ctx }).map.compare).toBeUndefined();
    const linked = createFromTemplate('future-state', {
      ctx,
      compareWith: { mapId: 'map:abc', file: 'a.json' },
    });
    expect(linked.map.compare).toEqual({ mapId: 'map:abc', relation: 'current-state', file: 'a.json' });
    expect(templateExample('future-state').map.compare?.mapId).toBe(templateExample('current-state').map.id);
  });
});
