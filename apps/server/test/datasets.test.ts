import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readLog } from '@trailmap/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyFromEvents } from '../src/services/datasets';
import { openTestApp, userWithToken, type TestApp } from './support/testApp';

/**
 * Four hand-made cases: c1 and c4 visit → signup → buy, c2 visit → signup, c3 visit → buy.
 * Rows are out of time order inside c1 on purpose (the engine orders by timestamp).
 */
const LOG = [
  'case_id,activity,timestamp',
  'c1,signup,2024-01-01T00:01:00Z',
  'c1,visit,2024-01-01T00:00:00Z',
  'c1,buy,2024-01-01T00:03:00Z',
  'c2,visit,2024-01-01T00:00:00Z',
  'c2,signup,2024-01-01T00:02:00Z',
  'c3,visit,2024-01-01T00:00:00Z',
  'c3,buy,2024-01-01T00:05:00Z',
  'c4,visit,2024-01-02T00:00:00Z',
  'c4,signup,2024-01-02T00:04:00Z',
  'c4,buy,2024-01-02T00:06:00Z',
  '',
].join('\n');

// Only SQLite: datasets live in DuckDB files, the SQL backend only decides access (the
// authorization matrix covers the datasets routes on PostgreSQL too).
describe('datasets on sqlite', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof userWithToken>>;
  let viewer: Awaited<ReturnType<typeof userWithToken>>;
  let stranger: Awaited<ReturnType<typeof userWithToken>>;
  let workspaceId: string;
  let base: string;

  const call = (
    who: { headers: Record<string, string> },
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...who.headers, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = (name: string, body: string, who = owner, extra = '') =>
    call(who, 'POST', `${base}?name=${name}&format=csv${extra}`, body, { 'content-type': 'text/csv' });

  beforeAll(async () => {
    t = await openTestApp('sqlite', { maxDatasetBytes: 4096 });
    owner = await userWithToken(t.services, 'owner@example.com');
    viewer = await userWithToken(t.services, 'viewer@example.com');
    stranger = await userWithToken(t.services, 'stranger@example.com');
    workspaceId = (await call(owner, 'POST', '/api/v1/workspaces', { name: 'Shop' })).json().workspace.id;
    base = `/api/v1/workspaces/${workspaceId}/datasets`;
    const added = await call(owner, 'POST', `/api/v1/workspaces/${workspaceId}/members`, {
      email: 'viewer@example.com',
      role: 'viewer',
    });
    expect(added.statusCode).toBe(201);
    await call(stranger, 'POST', '/api/v1/workspaces', { name: 'Elsewhere' });
  });
  afterAll(() => t?.close());

  it('uploads a CSV log and lists it with counts', async () => {
    const response = await upload('web', LOG);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'web', events: 10, cases: 4, skipped: 0 });
    const listed = await call(viewer, 'GET', base);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().datasets).toEqual([
      expect.objectContaining({ name: 'web', events: 10, cases: 4, activities: 3 }),
    ]);
  });

  it('answers dfg, variants and funnel queries with the hand-counted numbers', async () => {
    const query = (body: unknown) => call(viewer, 'POST', `${base}/web/query`, body);
    const dfg = (await query({ query: 'dfg' })).json().result;
    const edges = Object.fromEntries(
      dfg.edges.map((edge: { from: string; to: string; count: number }) => [
        `${edge.from}>${edge.to}`,
        edge.count,
      ]),
    );
    expect(edges).toEqual({ 'visit>signup': 3, 'signup>buy': 2, 'visit>buy': 1 });
    expect(dfg.start).toEqual({ visit: 4 });
    expect(dfg.end).toEqual({ buy: 3, signup: 1 });

    const variants = (await query({ query: 'variants' })).json().result;
    expect(variants.variantCount).toBe(3);
    expect(variants.variants[0]).toMatchObject({
      activities: ['visit', 'signup', 'buy'],
      cases: 2,
      share: 0.5,
    });

    const funnel = (await query({ query: 'funnel', params: { steps: ['visit', 'signup', 'buy'] } })).json()
      .result;
    expect(funnel.steps.map((step: { cases: number }) => step.cases)).toEqual([4, 3, 2]);
    // signup follows visit after 1, 2 and 4 minutes: median 120 s.
    expect(funnel.steps[1].medianSecondsFromPrevious).toBe(120);

    const bad = await query({ query: 'funnel', params: { steps: [] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it("measures a map's bound stages and its conformance against the dataset", async () => {
    const created = await call(owner, 'POST', `/api/v1/workspaces/${workspaceId}/maps`, {
      title: 'Shop journey',
      type: 'current-state',
    });
    const { mapId } = created.json();
    const commands = [
      { command: 'stage.add', input: { name: 'Visit', id: 'stage:visit' } },
      { command: 'stage.add', input: { name: 'Sign up', id: 'stage:signup' } },
      { command: 'stage.add', input: { name: 'Buy', id: 'stage:buy' } },
      ...['visit', 'signup', 'buy'].map((activity) => ({
        command: 'binding.set',
        input: { targetId: `stage:${activity}`, dataset: 'web', rule: { activities: [activity] } },
      })),
    ];
    const applied = await call(owner, 'POST', `/api/v1/maps/${encodeURIComponent(mapId)}/commands`, {
      commands,
    });
    expect(applied.statusCode).toBe(200);

    const response = await call(viewer, 'POST', `${base}/web/measure`, { mapId });
    expect(response.statusCode).toBe(200);
    const { measures, conformance } = response.json();
    expect(measures.cases).toBe(4);
    expect(
      measures.stages.map((stage: { casesReached: number; conversionToNext: unknown }) => [
        stage.casesReached,
        stage.conversionToNext,
      ]),
    ).toEqual([
      [4, { cases: 3, share: 0.75 }],
      [3, { cases: 2, share: 2 / 3 }],
      [3, null],
    ]);
    // c3 skips the sign-up stage; nobody goes backwards.
    expect(conformance.skipped).toEqual([
      { stageId: 'stage:visit', name: 'Visit', cases: 0 },
      { stageId: 'stage:signup', name: 'Sign up', cases: 1 },
      { stageId: 'stage:buy', name: 'Buy', cases: 0 },
    ]);
    expect(conformance.backtracks.cases).toBe(0);

    const elsewhere = await call(stranger, 'POST', `${base}/web/measure`, { mapId });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('rejects a bad CSV with 422 located at the line, keeping the old dataset', async () => {
    const broken = `${LOG}c5,visit,not a time\n`;
    const response = await upload('web', broken);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('INVALID_EVENT_LOG');
    expect(error.message).toMatch(/^web\.csv:12: /);
    expect(error.details).toEqual([expect.objectContaining({ path: 'web.csv', line: 12 })]);
    expect((await call(viewer, 'GET', base)).json().datasets[0].events).toBe(10);

    const skipped = await upload('skippy', broken, owner, '&onError=skip');
    expect(skipped.json()).toMatchObject({ events: 10, skipped: 1 });
  });

  it('refuses uploads over the size limit with 413 and leaves no temp files', async () => {
    const big = `${LOG}${'c9,visit,2024-01-01T00:00:00Z\n'.repeat(200)}`;
    const response = await upload('big', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('DATASET_TOO_LARGE');
    // Without a Content-Length the cap is enforced while streaming to disk.
    const streamed = await t.app.inject({
      method: 'POST',
      url: `${base}?name=big&format=csv`,
      headers: { ...owner.headers, 'content-type': 'text/csv' },
      payload: Readable.from([big.slice(0, 3000), big.slice(3000)]),
    });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('DATASET_TOO_LARGE');
    const { readdirSync, existsSync } = await import('node:fs');
    const uploads = `${t.dir}/analytics/uploads`;
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  });

  it('lets only editors upload and delete, and hides the workspace from outsiders', async () => {
    expect((await upload('nope', LOG, viewer)).statusCode).toBe(403);
    expect((await call(viewer, 'DELETE', `${base}/web`)).statusCode).toBe(403);
    expect((await upload('nope', LOG, stranger)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', base)).statusCode).toBe(404);
    expect((await call(stranger, 'POST', `${base}/web/query`, { query: 'summary' })).statusCode).toBe(404);
  });

  it('deletes a dataset; unknown names are 404 and bad names 400', async () => {
    expect((await call(owner, 'DELETE', `${base}/skippy`)).statusCode).toBe(204);
    const gone = await call(viewer, 'POST', `${base}/skippy/query`, { query: 'summary' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('DATASET_NOT_FOUND');
    expect((await upload('bad%20name', LOG)).statusCode).toBe(400);
  });

  it('measures only bindings of the dataset, under filters, with touchpoint scores from the log', async () => {
    // c1 (new) visit → signup (csat 5) → buy (csat 4); c2 (returning) visit → signup (csat 2);
    // c3 (new) visit → buy (csat 5).
    const survey = [
      'case_id,activity,timestamp,segment,csat',
      'c1,visit,2024-01-01T00:00:00Z,new,',
      'c1,signup,2024-01-01T00:01:00Z,new,5',
      'c1,buy,2024-01-01T00:03:00Z,new,4',
      'c2,visit,2024-01-01T00:00:00Z,returning,',
      'c2,signup,2024-01-01T00:02:00Z,returning,2',
      'c3,visit,2024-01-01T00:00:00Z,new,',
      'c3,buy,2024-01-01T00:05:00Z,new,5',
      '',
    ].join('\n');
    expect((await upload('shop', survey)).statusCode).toBe(201);
    const { mapId } = (
      await call(owner, 'POST', `/api/v1/workspaces/${workspaceId}/maps`, {
        title: 'Scoped',
        type: 'current-state',
      })
    ).json();
    const commands = (calls: unknown[]) =>
      call(owner, 'POST', `/api/v1/maps/${encodeURIComponent(mapId)}/commands`, { commands: calls });
    const stageIds = ['visit', 'signup', 'buy'];
    expect(
      (
        await commands([
          ...stageIds.map((name) => ({ command: 'stage.add', input: { name, id: `stage:${name}` } })),
          { command: 'lane.add', input: { kind: 'touchpoints', label: 'Touchpoints', id: 'lane:tp' } },
          {
            command: 'card.add',
            input: { id: 'card:form', laneId: 'lane:tp', stageId: 'stage:signup', text: 'Sign-up form' },
          },
          ...stageIds.map((name) => ({
            command: 'binding.set',
            input: { targetId: `stage:${name}`, dataset: 'web', rule: { activities: [name] } },
          })),
        ])
      ).statusCode,
    ).toBe(200);
    const measure = (filters?: unknown) =>
      call(viewer, 'POST', `${base}/shop/measure`, { mapId, ...(filters ? { filters } : {}) });

    // Bound to "web" only: measuring against "shop" finds nothing bound.
    const unbound = (await measure()).json();
    expect(unbound.measures.stages.map((stage: { isBound: boolean }) => stage.isBound)).toEqual([
      false,
      false,
      false,
    ]);
    expect(unbound.dataset).toMatchObject({ name: 'shop', events: 7, cases: 3 });
    expect(typeof unbound.dataset.createdAt).toBe('string');

    await commands([
      ...stageIds.map((name) => ({
        command: 'binding.set',
        input: { targetId: `stage:${name}`, dataset: 'shop', rule: { activities: [name] } },
      })),
      {
        command: 'binding.set',
        input: { targetId: 'card:form', dataset: 'shop', rule: { activities: ['signup'] } },
      },
    ]);
    const all = (await measure()).json();
    type Stage = { casesReached: number; conversionToNext: unknown; scores: { csat: unknown } | null };
    expect(all.measures.stages.map((stage: Stage) => [stage.casesReached, stage.conversionToNext])).toEqual([
      [3, { cases: 2, share: 2 / 3 }],
      [2, { cases: 1, share: 0.5 }],
      [2, null],
    ]);
    // Sign-up answers 5 and 2: one of two is 4–5; buy answers 4 and 5.
    expect(all.measures.stages.map((stage: Stage) => stage.scores?.csat ?? null)).toEqual([
      null,
      { responses: 2, score: 0.5, mean: 3.5 },
      { responses: 2, score: 1, mean: 4.5 },
    ]);
    expect(all.measures.stages[2].emotion).toEqual({ assumed: null, measured: 1.5 });
    expect(all.touchpoints).toEqual([
      expect.objectContaining({
        cardId: 'card:form',
        cases: 2,
        scores: expect.objectContaining({ csat: { responses: 2, score: 0.5, mean: 3.5 } }),
      }),
    ]);

    // Segment "new" is c1 and c3.
    const fresh = (await measure([{ kind: 'segment', value: 'new' }])).json();
    expect(fresh.measures.cases).toBe(2);
    expect(fresh.measures.stages.map((stage: Stage) => [stage.casesReached, stage.conversionToNext])).toEqual(
      [
        [2, { cases: 1, share: 0.5 }],
        [1, { cases: 1, share: 1 }],
        [2, null],
      ],
    );
    expect(fresh.touchpoints[0]).toMatchObject({ cases: 1, scores: { csat: { responses: 1, mean: 5 } } });

    const badFilter = await measure([{ kind: 'attribute', key: 'nope', value: 'x' }]);
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.code).toBe('INVALID_FILTER');
    const badShape = await measure([{ kind: 'whatever' }]);
    expect(badShape.statusCode).toBe(400);
  });
});

describe('survey answers carried by events', () => {
  it('reads csat/nps/ces/text columns per event, ignoring out-of-range scores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailmap-survey-'));
    try {
      const file = join(dir, 'log.csv');
      writeFileSync(
        file,
        [
          'case_id,activity,timestamp,CSAT,nps,Comment',
          'c1,visit,2024-01-01T00:00:00Z,,,',
          'c1,signup,2024-01-01T00:01:00Z,9,10,',
          'c2,signup,2024-01-01T00:00:00Z,4,,Quick and easy',
          '',
        ].join('\n'),
      );
      const { log } = await readLog(file);
      // c1's sign-up CSAT 9 is off the 1–5 scale: dropped, its NPS 10 kept; c1's visit says nothing.
      expect(surveyFromEvents(log)).toEqual([
        expect.objectContaining({ caseId: 'c1', touchpoint: 'signup', csat: null, nps: 10, text: null }),
        expect.objectContaining({
          caseId: 'c2',
          touchpoint: 'signup',
          csat: 4,
          nps: null,
          text: 'Quick and easy',
        }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
