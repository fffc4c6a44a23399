// fast-check generator of valid journey documents, for property tests (not part of the API).
import fc from 'fast-check';
import { CURRENT_SCHEMA_VERSION, LANE_KINDS, MAP_TYPES, type JourneyInput } from '@trailmap/schema';

/** Strings that YAML or JSON writers are known to get wrong when they do not quote carefully. */
const TRICKY = [
  'yes',
  'no',
  'null',
  '~',
  'true',
  '1.0',
  '0x1F',
  '1e3',
  '2026-01-01',
  '- item',
  'key: value',
  '# not a comment',
  "it's",
  '"quoted"',
  'line\nbreak',
  ' leading',
  'trailing ',
  '\ttab',
  '',
  '@at',
  '`tick`',
  '*star',
  '&amp',
  '!bang',
  '%percent',
  '{brace}',
  '[bracket]',
  '|pipe',
  '>fold',
  'ümlaut ✓ 😀',
  'a\r\nb',
  '---',
  '...',
];

const text = (maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  );
const nonEmpty = (maxLength: number) => text(maxLength).filter((value) => value.length > 0);
const indexKey = fc.stringMatching(/^a[0-9A-Za-z]{0,3}$/);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const score = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -2, max: 2, noNaN: true }));

/** Removes `undefined` fields so documents look like parsed files. */
const clean = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/** A random valid journey document (as written by hand: defaults may be missing). */
export const journeyArbitrary: fc.Arbitrary<JourneyInput> = fc
  .record({
    stageCount: fc.integer({ min: 1, max: 5 }),
    laneKinds: fc.array(fc.constantFrom(...LANE_KINDS), { minLength: 1, maxLength: 4 }),
    stepStages: fc.array(fc.nat(), { maxLength: 4 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 15 }),
  })
  .chain(({ stageCount, laneKinds, stepStages, seed }) => {
    const stageIds = Array.from({ length: stageCount }, (_, i) => `stage:s${i}`);
    const steps = stepStages.map((n, i) => ({ id: `step:p${i}`, stageId: stageIds[n % stageCount]! }));
    const laneIds = laneKinds.map((_, i) => `lane:l${i}`);
    const cardPlaces = seed.map(([a, b, c], i) => {
      const step = steps.length > 0 && c % 3 === 0 ? steps[c % steps.length] : undefined;
      return {
        id: `card:c${i}`,
        laneId: laneIds[a % laneIds.length]!,
        stageId: step?.stageId ?? stageIds[b % stageCount]!,
        stepId: step?.id,
      };
    });
    return fc.record({
      schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION),
      map: fc
        .record({
          id: fc.constant('map:m1'),
          title: nonEmpty(60),
          type: fc.constantFrom(...MAP_TYPES),
          description: optional(text(200)),
          scenario: optional(text(200)),
          expectations: optional(fc.array(text(50), { maxLength: 3 })),
          tags: optional(fc.uniqueArray(nonEmpty(20), { maxLength: 3 })),
          personaId: fc.constant('persona:p1'),
        })
        .map(clean),
      personas: fc.tuple(
        fc
          .record({
            id: fc.constant('persona:p1'),
            name: nonEmpty(40),
            role: optional(text(40)),
            quote: optional(text(100)),
            goals: optional(fc.array(text(50), { maxLength: 3 })),
            context: optional(
              fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), text(30), { maxKeys: 3 }),
            ),
          })
          .map(clean),
      ),
      stages: fc.tuple(
        ...stageIds.map((id) =>
          fc
            .record({ id: fc.constant(id), index: indexKey, name: nonEmpty(40), goal: optional(text(80)) })
            .map(clean),
        ),
      ),
      steps: fc.tuple(
        ...steps.map((step) =>
          fc.record({
            id: fc.constant(step.id),
            stageId: fc.constant(step.stageId),
            index: indexKey,
            name: nonEmpty(40),
          }),
        ),
      ),
      lanes: fc.tuple(
        ...laneKinds.map((kind, i) =>
          fc.record({
            id: fc.constant(laneIds[i]!),
            index: indexKey,
            kind: fc.constant(kind),
            label: nonEmpty(30),
          }),
        ),
      ),
      cards: fc.tuple(
        ...cardPlaces.map((place) =>
          fc
            .record({
              ...Object.fromEntries(Object.entries(place).map(([key, value]) => [key, fc.constant(value)])),
              index: indexKey,
              text: text(120),
              color: optional(fc.constantFrom('yellow', 'red', 'green' as const)),
              tags: optional(fc.uniqueArray(nonEmpty(15), { maxLength: 3 })),
              priority: optional(fc.constantFrom('low', 'high' as const)),
            })
            .map(clean),
        ),
      ),
      emotions: fc.subarray(stageIds).chain((ids) =>
        fc.tuple(
          ...ids.map((stageId, i) =>
            fc
              .record({
                id: fc.constant(`emotion:e${i}`),
                stageId: fc.constant(stageId),
                score,
                note: optional(text(60)),
              })
              .map(clean),
          ),
        ),
      ),
      opportunities: fc
        .array(
          fc.record({
            stageIndex: fc.nat(),
            index: indexKey,
            title: nonEmpty(60),
            votes: fc.nat(50),
            owner: optional(text(30)),
          }),
          { maxLength: 3 },
        )
        .map((list) =>
          list.map(({ stageIndex, ...rest }, i) =>
            clean({ id: `opp:o${i}`, stageId: stageIds[stageIndex % stageCount]!, ...rest }),
          ),
        ),
    }) as unknown as fc.Arbitrary<JourneyInput>;
  });
