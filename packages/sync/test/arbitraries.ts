import fc from 'fast-check';
import { keysAfter } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';

const idBody = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,10}$/);
const text = fc.string({ maxLength: 30 });
const name = fc.string({ minLength: 1, maxLength: 20 });
const color = fc.constantFrom('yellow', 'orange', 'red', 'blue', 'green');

const uniqueIds = (prefix: string, max: number) =>
  fc.uniqueArray(idBody, { maxLength: max }).map((bodies) => bodies.map((body) => `${prefix}:${body}`));

/** Valid journey documents with references between records (a generator for round trips). */
export const journeyArbitrary: fc.Arbitrary<Journey> = fc
  .record({
    title: name,
    description: fc.option(text, { nil: undefined }),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
    personaIds: uniqueIds('persona', 2),
    stageIds: uniqueIds('stage', 4),
    laneIds: uniqueIds('lane', 3),
    cardSeeds: fc.array(fc.record({ body: idBody, text, stage: fc.nat(), lane: fc.nat(), color }), {
      maxLength: 12,
    }),
    stepSeeds: fc.array(fc.record({ body: idBody, stage: fc.nat(), name }), { maxLength: 4 }),
    emotionScores: fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 4 }),
    evidenceIds: uniqueIds('evidence', 2),
    withSchemaHint: fc.boolean(),
    durationMin: fc.option(fc.nat(10), { nil: undefined }),
  })
  .map((seed): Journey => {
    const stages = seed.stageIds.map((id, i) => ({
      id,
      index: keysAfter(null, seed.stageIds.length)[i]!,
      name: `Stage ${i}`,
      ...(i === 0 && seed.durationMin !== undefined
        ? { duration: { min: seed.durationMin, max: seed.durationMin + 1, unit: 'days' as const } }
        : {}),
    }));
    const lanes = seed.laneIds.map((id, i) => ({
      id,
      index: keysAfter(null, seed.laneIds.length)[i]!,
      kind: 'actions' as const,
      label: `Lane ${i}`,
    }));
    const stepIds = new Set<string>();
    const steps = stages.length
      ? seed.stepSeeds.flatMap((step, i) => {
          const id = `step:${step.body}`;
          if (stepIds.has(id)) return [];
          stepIds.add(id);
          return [{ id, stageId: stages[step.stage % stages.length]!.id, index: `a${i}`, name: step.name }];
        })
      : [];
    const cardIds = new Set<string>();
    const cards =
      stages.length && lanes.length
        ? seed.cardSeeds.flatMap((card, i) => {
            const id = `card:${card.body}`;
            if (cardIds.has(id)) return [];
            cardIds.add(id);
            return [
              {
                id,
                laneId: lanes[card.lane % lanes.length]!.id,
                stageId: stages[card.stage % stages.length]!.id,
                index: keysAfter(null, 20)[i]!,
                text: card.text,
                color: card.color,
                tags: [],
                evidenceIds: seed.evidenceIds.slice(0, i % 2),
              },
            ];
          })
        : [];
    const emotions = stages.slice(0, seed.emotionScores.length).map((stage, i) => ({
      id: `emotion:e${i}`,
      stageId: stage.id,
      score: seed.emotionScores[i]!,
      evidenceIds: [],
    }));
    const [first, second] = [...cardIds];
    return {
      ...(seed.withSchemaHint ? { $schema: 'https://trailmap.dev/schema.json' } : {}),
      schemaVersion: 2,
      map: {
        id: 'map:test',
        title: seed.title,
        type: 'current-state',
        ...(seed.description === undefined ? {} : { description: seed.description }),
        expectations: [],
        tags: seed.tags,
        ...(seed.personaIds[0] ? { personaId: seed.personaIds[0] } : {}),
      },
      personas: seed.personaIds.map((id) => ({
        id,
        name: 'P',
        goals: [],
        needs: [],
        frustrations: [],
        context: { age: '30' },
      })),
      stages,
      steps,
      lanes,
      cards,
      emotions,
      connections:
        first && second ? [{ id: 'conn:c1', fromCardId: first, toCardId: second, kind: 'direct' }] : [],
      opportunities: stages.slice(0, 1).map((stage) => ({
        id: 'opp:o1',
        stageId: stage.id,
        index: 'a0',
        title: 'Fix it',
        problemCardIds: first ? [first] : [],
        status: 'idea',
        votes: 0,
        tags: [],
        evidenceIds: [],
      })),
      evidence: seed.evidenceIds.map((id) => ({ id, source: 'interview', confidence: 'medium' })),
      metricBindings: [],
    } as Journey;
  });
