import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJourney, validateJourney, type JourneyInput } from '@trailmap/schema';
import { conformance, draftJourney, measureJourney, readSurvey, scoreTouchpoints } from '../src/index';
import { logFrom, scratchDirectory } from './support';

const dir = scratchDirectory();
afterAll(dir.cleanup);

const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000).toISOString();
const csv = (rows: [string, string, number, string?][]) =>
  [
    'case_id,activity,timestamp,channel',
    ...rows.map(([c, a, m, ch]) => `${c},${a},${at(m)},${ch ?? ''}`),
  ].join('\n');

// Designed order: Discover (Visit, Search) > Buy (Cart, Pay; Pay only on web) > Use (Deliver).
const MAP = parseJourney({
  schemaVersion: 2,
  map: { id: 'map:shop', title: 'Shop', type: 'current-state' },
  stages: [
    { id: 'stage:use', index: 'a2', name: 'Use' },
    { id: 'stage:discover', index: 'a0', name: 'Discover' },
    { id: 'stage:buy', index: 'a1', name: 'Buy' },
  ],
  steps: [{ id: 'step:pay', stageId: 'stage:buy', index: 'a0', name: 'Pay' }],
  lanes: [{ id: 'lane:touch', index: 'a0', kind: 'touchpoints', label: 'Touchpoints' }],
  cards: [{ id: 'card:courier', laneId: 'lane:touch', stageId: 'stage:use', index: 'a0', text: 'Courier' }],
  emotions: [{ id: 'emotion:buy', stageId: 'stage:buy', score: 1 }],
  metricBindings: [
    { id: 'binding:discover', targetId: 'stage:discover', rule: { activities: ['Visit', 'Search'] } },
    { id: 'binding:cart', targetId: 'stage:buy', rule: { activities: ['Cart'] } },
    {
      id: 'binding:pay',
      targetId: 'step:pay',
      rule: { activities: ['Pay'], attribute: { key: 'channel', value: 'web' } },
    },
    { id: 'binding:deliver', targetId: 'card:courier', rule: { activities: ['Deliver'] } },
    {
      id: 'binding:old',
      targetId: 'stage:use',
      rule: { activities: ['Visit'] },
      deletedAt: '2024-01-01T00:00:00Z',
    },
  ],
} satisfies JourneyInput);

const LOG = csv([
  ['1', 'Visit', 0], // 1: Discover > Buy > Use, in order
  ['1', 'Cart', 10],
  ['1', 'Pay', 20, 'web'],
  ['1', 'Deliver', 60],
  ['2', 'Visit', 0], // 2: Discover > Use (skips Buy)
  ['2', 'Deliver', 30],
  ['3', 'Search', 0], // 3: Discover > Buy > Discover > Buy (backtrack), Pay in app is unbound
  ['3', 'Cart', 5],
  ['3', 'Visit', 15],
  ['3', 'Cart', 25],
  ['3', 'Pay', 26, 'app'],
  ['4', 'Cart', 0], // 4: starts in Buy (skips Discover), stops there
  ['5', 'Login', 0], // 5: no bound events
]);

describe('journey binding', () => {
  it('conformance: following share, skipped stages, backtracks, unexpected paths', async () => {
    const result = conformance(await logFrom(dir.path, 'journey.csv', LOG), MAP);
    expect(result.stages.map((s) => s.name)).toEqual(['Discover', 'Buy', 'Use']);
    expect([result.cases, result.mappedCases, result.unmappedCases]).toEqual([5, 4, 1]);
    expect(result.followingDesign).toEqual({ cases: 1, share: 0.25 });
    expect(result.skipped.map((s) => s.cases)).toEqual([1, 1, 0]);
    expect(result.backtracks).toEqual({ cases: 1, transitions: [{ from: 'Buy', to: 'Discover', count: 1 }] });
    expect(result.unexpectedPaths).toEqual([
      { stages: ['Buy'], cases: 1, share: 0.25 },
      { stages: ['Discover', 'Buy', 'Discover', 'Buy'], cases: 1, share: 0.25 },
      { stages: ['Discover', 'Use'], cases: 1, share: 0.25 },
    ]);
  });

  it('measures reach, conversion, drop-off, time in stage, scores and the measured emotion', async () => {
    const survey = join(dir.path, 'survey.csv');
    writeFileSync(
      survey,
      'touchpoint,stage,csat,text\nCart,,5,Great and easy\nCourier,,2,Late and rude driver\n,Buy,4,\n',
    );
    const measures = measureJourney(
      await logFrom(dir.path, 'journey.csv', LOG),
      MAP,
      await readSurvey(survey),
    );
    const [discover, buy, use] = measures.stages;
    // Discover reached by 1,2,3; Buy after Discover by 1 and 3; Use is reached by 1 and 2.
    expect([discover!.casesReached, discover!.conversionToNext, discover!.dropOff]).toEqual([
      3,
      { cases: 2, share: 2 / 3 },
      1,
    ]);
    expect([buy!.casesReached, buy!.conversionToNext, buy!.dropOff]).toEqual([
      3,
      { cases: 1, share: 1 / 3 },
      2,
    ]);
    expect([use!.casesReached, use!.conversionToNext, use!.reach]).toEqual([2, null, 0.4]);
    // Time in Discover: case 1 leaves at 10 min, case 2 at 30, case 3 at 5 → median 10 min.
    expect(discover!.medianSecondsInStage).toBe(600);
    // Time in Buy: case 1 10→60 (Deliver), case 3 5→15, case 4 alone → 0 → median 10 min.
    expect(buy!.medianSecondsInStage).toBe(600);
    // Buy gets the Cart answer (by rule) and the stage answer: CSAT 5 and 4 → 100%, mean 4.5 → +1.5;
    // sentiment of "Great and easy" is positive, so the measured emotion is above +1.5's share.
    expect(buy!.scores!.csat).toEqual({ responses: 2, score: 1, mean: 4.5 });
    expect(buy!.emotion.assumed).toBe(1);
    expect(buy!.emotion.measured).toBeGreaterThan(1.5);
    // Use gets the Courier answer through the card text: CSAT 2 → 0%, negative verbatim.
    expect(use!.scores!.csat!.score).toBe(0);
    expect(use!.scores!.topVerbatims.negative[0]!.text).toBe('Late and rude driver');
    // CSAT mean 2 → −1; "Late and rude driver": AFINN −2 over 4 words = −0.5 → −1; mean −1.
    expect(use!.emotion.measured).toBe(-1);
  });
});

describe('touchpoint scores', () => {
  it('CSAT is the share of 4-5, NPS is %9-10 minus %0-6, CES the mean, per touchpoint', async () => {
    const file = join(dir.path, 'scores.csv');
    writeFileSync(
      file,
      [
        'touchpoint,csat,nps,ces,comment',
        'App,5,10,2,I love this app',
        'App,4,9,3,',
        'App,2,6,6,Terrible crash',
        'App,3,7,,',
        'Store,1,0,7,awful',
      ].join('\n'),
    );
    const [app, store] = scoreTouchpoints(await readSurvey(file));
    expect(app!.touchpoint).toBe('App');
    expect(app!.csat).toEqual({ responses: 4, score: 0.5, mean: 3.5 });
    expect(app!.nps).toMatchObject({ responses: 4, score: 25, promoters: 2, passives: 1, detractors: 1 });
    expect(app!.ces).toEqual({ responses: 3, mean: 11 / 3 });
    expect(app!.sentiment).toMatchObject({ responses: 2, positive: 1, negative: 1 });
    expect(store!.nps!.score).toBe(-100);
  });

  it('reads long-format answers and rejects out-of-range scores with FILE:LINE', async () => {
    const long = join(dir.path, 'long.csv');
    writeFileSync(long, 'touchpoint,metric,score\nWeb,csat,5\nWeb,nps,3\n');
    const [web] = scoreTouchpoints(await readSurvey(long));
    expect([web!.csat!.score, web!.nps!.score]).toEqual([1, -100]);
    const bad = join(dir.path, 'bad.csv');
    writeFileSync(bad, 'touchpoint,csat\nWeb,5\nWeb,9\n');
    await expect(readSurvey(bad)).rejects.toThrow(`${bad}:3: csat must be a number from 1 to 5, found "9"`);
  });
});

describe('draftJourney', () => {
  it('drafts a valid map whose every card cites analytics evidence with its query', async () => {
    const rows: [string, string, number, string?][] = [];
    for (let c = 0; c < 40; c++) {
      rows.push([`c${c}`, 'Visit', 0, 'web'], [`c${c}`, 'Search', 5, 'web']);
      if (c % 4 !== 0) rows.push([`c${c}`, 'Cart', 20, 'web'], [`c${c}`, 'Pay', 30 + c, 'app']);
      if (c % 2 === 0) rows.push([`c${c}`, 'Deliver', 3000, 'courier']);
    }
    const doc = draftJourney(await logFrom(dir.path, 'draft.csv', csv(rows)), {
      source: 'draft.csv',
      title: 'Shop',
    });
    expect(validateJourney(doc).ok).toBe(true);
    expect(doc.stages.length).toBeGreaterThan(1);
    expect(doc.metricBindings.flatMap((b) => b.rule.activities).sort()).toEqual([
      'Cart',
      'Deliver',
      'Pay',
      'Search',
      'Visit',
    ]);
    const evidence = new Map(doc.evidence.map((e) => [e.id, e]));
    for (const card of doc.cards) {
      expect(card.id).toMatch(/^card:/);
      expect(card.evidenceIds.length).toBeGreaterThan(0);
      for (const id of card.evidenceIds)
        expect(evidence.get(id)).toMatchObject({
          source: 'analytics',
          query: expect.stringContaining('trailmap analyze'),
        });
    }
    expect(doc.cards.some((card) => card.laneId === 'lane:touchpoints' && card.text.startsWith('web'))).toBe(
      true,
    );
    expect(doc.cards.some((card) => card.laneId === 'lane:pain-points')).toBe(true);
  });
});
