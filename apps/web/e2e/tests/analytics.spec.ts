import { AnalyticsPanel } from '../fixtures/AnalyticsPanel';
import { artifact, expect, newUser, secondPerson, seriousA11yViolations, test } from '../fixtures/fixtures';

/**
 * Four hand-made cases: c1 and c4 visit → signup → buy, c2 visit → signup, c3 visit → buy.
 * With Awareness = visit, Consideration = signup, Purchase = buy (Retention, Advocacy unbound):
 * reach 4 / 3 / 3 of 4 cases; visit → signup 3 of 4; signup → buy 2 of 3;
 * funnel visit > signup > buy: 4, 3, 2 (c3 buys without signing up).
 * Sign-up CSAT 5, 2, 4: two of three answers are 4–5 (66.7%), mean 11/3, so the measured
 * emotion is 11/3 − 3 = 0.67. Segment "new" is c1, c3; "returning" is c2, c4.
 */
const LOG = [
  'case_id,activity,timestamp,segment,csat',
  'c1,visit,2024-01-01T00:00:00Z,new,',
  'c1,signup,2024-01-01T00:01:00Z,new,5',
  'c1,buy,2024-01-01T00:03:00Z,new,',
  'c2,visit,2024-01-01T00:00:00Z,returning,',
  'c2,signup,2024-01-01T00:02:00Z,returning,2',
  'c3,visit,2024-01-01T00:00:00Z,new,',
  'c3,buy,2024-01-01T00:05:00Z,new,',
  'c4,visit,2024-01-02T00:00:00Z,returning,',
  'c4,signup,2024-01-02T00:04:00Z,returning,4',
  'c4,buy,2024-01-02T00:06:00Z,returning,',
  '',
].join('\n');

/** One more full path (c5): reach 5 / 4 / 4; visit → signup 4 of 5; funnel 5, 4, 3. */
const LOG_WITH_C5 = `${LOG}c5,visit,2024-01-03T00:00:00Z,new,\nc5,signup,2024-01-03T00:01:00Z,new,\nc5,buy,2024-01-03T00:02:00Z,new,\n`;

test('upload a log, bind the map, read stage reach, funnel and paths, and see a re-upload refresh them', async ({
  page,
  auth,
  maps,
  editor,
  problems,
}, testInfo) => {
  const analytics = new AnalyticsPanel(page);
  await auth.signUp(newUser('Ines Data'));
  const mapId = await maps.createFromTemplate('blank', 'Measured journey');
  await editor.expectSaved();
  await analytics.show();

  // A broken row is refused with the server's located message, and nothing is stored.
  await analytics.uploadCsv('journey.csv', `${LOG}c9,visit,not a time,new,\n`);
  await expect(analytics.errorToast).toContainText('journey.csv:12: cannot read timestamp "not a time"');
  await expect(analytics.datasets).toHaveCount(0);
  // That refusal (the response and Chromium's console line about it) is the only expected problem.
  const isRefusal = (problem: string) => /422/.test(problem);
  await expect.poll(() => problems.problems.filter(isRefusal).length).toBe(2);
  problems.problems.splice(0, problems.problems.length, ...problems.problems.filter((p) => !isRefusal(p)));

  await analytics.uploadCsv('journey.csv', LOG);
  await expect(analytics.datasets).toHaveCount(1);
  await expect(analytics.datasets.first()).toContainText('10 events · 4 cases');

  await analytics.bindStage(0, 'visit');
  await analytics.bindStage(1, 'signup');
  await analytics.bindStage(2, 'buy');
  await editor.expectSaved();
  await analytics.expectStage(0, '4 (100%)', '3 (75%)');
  await analytics.expectStage(1, '3 (75%)', '2 (66.7%)');
  // Purchase's next stage (Retention) is unbound: no conversion to show.
  await analytics.expectStage(2, '3 (75%)', '–');
  await expect(analytics.stageCell(1, 'CSAT')).toHaveText('66.7%');
  // The same numbers sit under the stage headers of the map.
  await expect(analytics.strips.first()).toContainText('4 cases · → 75%');
  // A touchpoint card bound to sign-up: 3 cases used it, and its 3 CSAT answers are theirs.
  await analytics.addTouchpointElsewhere(mapId, 1, 'Sign-up form');
  await analytics.bindTouchpoint('Sign-up form', 'signup');
  await editor.expectSaved();
  await expect(page.getByTestId('touchpoint-row')).toHaveCount(1);
  await expect(page.getByTestId('touchpoint-row').locator('th, td')).toHaveText([
    'Sign-up form',
    '3',
    '3',
    '66.7%',
    '–',
    '–',
  ]);
  await artifact(page, testInfo, 'analytics-stages');

  await analytics.tab('funnel').click();
  await expect(analytics.funnelSteps).toHaveValue('visit > signup > buy');
  await expect(analytics.funnelCases).toHaveText(['4', '3', '2']);
  await artifact(page, testInfo, 'analytics-funnel');

  await analytics.tab('paths').click();
  // visit → signup 3, signup → buy 2, visit → buy 1: the slider's second stop (≥ 2) hides the last.
  await expect(analytics.sankeyVisible).toHaveText('3 activities, 3 paths shown');
  await analytics.sankeySlider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sankey-threshold')).toHaveText('≥ 2');
  await expect(analytics.sankeyVisible).toHaveText('3 activities, 2 paths shown');
  await expect(page.locator('[data-testid="sankey-link"][data-from="visit"][data-to="buy"]')).toHaveCount(0);
  await artifact(page, testInfo, 'analytics-paths');
  expect(await seriousA11yViolations(page), 'analytics paths').toEqual([]);

  await analytics.tab('variants').click();
  await expect(analytics.variants).toHaveCount(3);
  await expect(analytics.variants.first()).toContainText('2 cases (50%)');

  await analytics.tab('segments').click();
  await analytics.segment('A', 'segment', 'new');
  await analytics.segment('B', 'segment', 'returning');
  const segments = page.getByTestId('segment-table');
  await expect(segments.locator('caption')).toHaveText('A: 2 cases · B: 2 cases');
  // Consideration: c1 of the new pair, both returning cases. Time in stage: c1 signs up at 0:01
  // and buys at 0:03 (2m); c2 never leaves (0s) and c4 buys 2m after signing up: median 1m.
  await expect(segments.getByTestId('segment-row').nth(1).locator('td')).toHaveText([
    '50%',
    '100%',
    '100%',
    '50%',
    '2m',
    '1m',
  ]);
  // Purchase leads into the unbound Retention stage: nothing to compare there.
  await expect(segments.getByTestId('segment-row').nth(2).locator('td')).toHaveText([
    '100%',
    '50%',
    '–',
    '–',
    '0s',
    '0s',
  ]);
  await expect(segments.getByTestId('segment-row').nth(3)).toContainText('Not bound');
  await artifact(page, testInfo, 'analytics-segments');

  await analytics.tab('emotion').click();
  await expect(page.getByTestId('emotion-row').nth(1).locator('td').nth(1)).toHaveText('0.67');

  await analytics.tab('design').click();
  await expect(page.getByTestId('conformance-following')).toHaveText('75%');
  expect(await seriousA11yViolations(page), 'analytics panel').toEqual([]);

  // Same name, one more case, uploaded by another client: the open panel polls, sees the new
  // version and refreshes every number without a reload.
  await analytics.uploadElsewhere('journey', LOG_WITH_C5);
  await expect(analytics.datasets.first()).toContainText('13 events · 5 cases');
  await analytics.tab('stages').click();
  await analytics.expectStage(0, '5 (100%)', '4 (80%)');
  await expect(analytics.strips.first()).toContainText('5 cases · → 80%');
  await analytics.tab('funnel').click();
  await expect(analytics.funnelCases).toHaveText(['5', '4', '3']);
  await artifact(page, testInfo, 'analytics-refreshed');

  // Deleting the dataset empties the list and takes the numbers off the map.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete dataset journey' }).click();
  await expect(analytics.datasets).toHaveCount(0);
  await expect(analytics.strips).toHaveCount(0);
  await expect(analytics.panel).toContainText('Upload an event log to measure this map.');
});

test('a stage rule limited to one attribute value, and a step whose rule counts for its stage', async ({
  page,
  auth,
  maps,
  editor,
}, testInfo) => {
  const analytics = new AnalyticsPanel(page);
  await auth.signUp(newUser('Uma Rules'));
  const mapId = await maps.createFromTemplate('blank', 'Segmented journey');
  await editor.expectSaved();
  await analytics.show();
  await analytics.uploadCsv('journey.csv', LOG);
  await expect(analytics.datasets).toHaveCount(1);

  // Awareness = visits of new customers only (c1, c3): 2 of 4 cases.
  await analytics.bindStage(0, 'visit');
  await analytics.bindStageWhere(0, 'segment', 'new');
  await editor.expectSaved();
  await analytics.expectStage(0, '2 (50%)', '–');
  // The condition is stored with the map, so a reload shows it.
  await page.reload();
  await analytics.show();
  const awareness = page.locator('[data-testid^="binding-row-stage:"]').first();
  await expect(awareness.locator('select')).toHaveValue('segment');
  await expect(awareness.getByPlaceholder('value')).toHaveValue('new');

  // Consideration has no rule of its own; its step "Sign-up" is bound to signup: c1, c2, c4.
  await analytics.addStepElsewhere(mapId, 1, 'Sign-up');
  await analytics.bindStep('Sign-up', 'signup');
  await editor.expectSaved();
  await analytics.expectStage(1, '3 (75%)', '–');
  // Of Awareness's two cases only c1 signs up: 1 of 2.
  await analytics.expectStage(0, '2 (50%)', '1 (50%)');
  await artifact(page, testInfo, 'analytics-rule-conditions');

  // "any event" drops the condition: every visit counts again (4 of 4, 3 of them sign up).
  await awareness.locator('select').selectOption('');
  await editor.expectSaved();
  await analytics.expectStage(0, '4 (100%)', '3 (75%)');
});

test('a slow upload shows its progress, then the new dataset', async ({ page, auth, maps }, testInfo) => {
  const analytics = new AnalyticsPanel(page);
  await auth.signUp(newUser('Ola Upload'));
  await maps.createFromTemplate('blank', 'Slow upload');
  await analytics.show();
  // 3,000 cases × 2 events, about 190 KB, sent at 64 KB/s: the bar is up for ~3 s.
  const rows = ['case_id,activity,timestamp'];
  for (let c = 0; c < 3000; c++) {
    const id = `case-${String(c).padStart(5, '0')}`;
    rows.push(`${id},visit,2024-01-01T00:00:00Z`, `${id},buy,2024-01-01T00:10:00Z`);
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 64 * 1024,
  });
  await analytics.uploadCsv('big-log.csv', `${rows.join('\n')}\n`);
  const progress = page.getByTestId('dataset-upload-progress');
  await expect(progress).toBeVisible();
  // Part-way through, the bar reports a fraction of the file sent.
  await expect.poll(() => progress.evaluate((bar: HTMLProgressElement) => bar.value)).toBeGreaterThan(0);
  expect(await progress.evaluate((bar: HTMLProgressElement) => bar.value)).toBeLessThan(1);
  await artifact(page, testInfo, 'analytics-upload-progress');
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(analytics.datasets).toHaveCount(1);
  await expect(analytics.datasets.first()).toContainText('big-log');
  await expect(analytics.datasets.first()).toContainText('6,000 events · 3,000 cases');
});

test('a workspace viewer reads the measures of a map from another workspace, without editing', async ({
  page,
  auth,
  maps,
  editor,
  share,
  browser,
  baseURL,
}) => {
  const analytics = new AnalyticsPanel(page);
  await auth.signUp(newUser('Ana Owner'));
  const mapId = await maps.createFromTemplate('blank', 'Viewed journey');
  await analytics.show();
  await analytics.uploadCsv('journey.csv', LOG);
  await expect(analytics.datasets).toHaveCount(1);
  await analytics.bindStage(0, 'visit');
  await analytics.bindStage(1, 'signup');
  await editor.expectSaved();
  await analytics.expectStage(0, '4 (100%)', '3 (75%)');

  const vic = await secondPerson(browser, baseURL!, 'Vic Viewer');
  await share.addMember(vic.user.email, 'viewer');
  // Vic's own workspace is the one his switcher shows; the map lives in Ana's.
  const csrf = (await vic.context.cookies()).find((cookie) => cookie.name === 'trailmap_csrf')?.value ?? '';
  const own = await vic.context.request.post('/api/v1/workspaces', {
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    data: { name: 'Vic own' },
  });
  expect(own.status()).toBe(201);
  const ownId = ((await own.json()) as { workspace: { id: string } }).workspace.id;
  await vic.page.addInitScript((id) => localStorage.setItem('trailmap.workspace', id), ownId);

  await vic.page.goto(`/signin?next=${encodeURIComponent(`/maps/${mapId}`)}`);
  await vic.page.getByTestId('auth-email').fill(vic.user.email);
  await vic.page.getByTestId('auth-password').fill(vic.user.password);
  await vic.page.getByTestId('auth-submit').click();
  await vic.editor.grid.waitFor();
  const vicAnalytics = new AnalyticsPanel(vic.page);
  await vicAnalytics.show();
  await vicAnalytics.expectStage(0, '4 (100%)', '3 (75%)');
  await expect(vicAnalytics.datasets).toHaveCount(1);
  await expect(vic.page.getByTestId('dataset-upload')).toHaveCount(0);
  await expect(vic.page.getByTestId('dataset-delete')).toHaveCount(0);
  await expect(vic.page.getByLabel('Activities measuring Awareness')).toBeDisabled();
  await vic.context.close();
  expect(vic.problems.problems).toEqual([]);
});
