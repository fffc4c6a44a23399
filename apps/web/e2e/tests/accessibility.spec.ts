import { artifact, expect, newUser, seriousA11yViolations, test } from '../fixtures/fixtures';

test('main pages have no serious or critical accessibility violations', async ({
  page,
  auth,
  maps,
  editor,
}, testInfo) => {
  await page.goto('/signup');
  await page.getByTestId('signup-form').waitFor();
  expect(await seriousA11yViolations(page), 'sign-up page').toEqual([]);

  await auth.signUp(newUser('Ana Lima'));
  await maps.waitForList();
  expect(await seriousA11yViolations(page), 'map list').toEqual([]);

  await maps.newMap.click();
  await maps.preview.locator('img').waitFor();
  expect(await seriousA11yViolations(page), 'new map').toEqual([]);
  await artifact(page, testInfo, 'new-map');

  await maps.title.fill('Accessible map');
  await maps.createMap.click();
  await editor.grid.waitFor();
  await editor.expectSaved();
  expect(await seriousA11yViolations(page), 'editor').toEqual([]);

  await page.getByTestId('toolbar.view-plan').click();
  await page.getByTestId('action-plan').waitFor();
  expect(await seriousA11yViolations(page), 'action plan').toEqual([]);
  await artifact(page, testInfo, 'action-plan');

  await page.getByTestId('toolbar.history').click();
  await page.getByTestId('history-page').waitFor();
  expect(await seriousA11yViolations(page), 'history').toEqual([]);
  await artifact(page, testInfo, 'history');

  const mapUrl = new URL(page.url()).pathname.replace(/\/history$/, '');
  await page.goto('/personas');
  await page.getByTestId('persona-list').waitFor();
  expect(await seriousA11yViolations(page), 'personas').toEqual([]);

  // A library persona becomes the map's point of view.
  await page.getByLabel('Name').fill('Sam Shopper');
  await page.getByLabel('Role', { exact: true }).fill('Bargain hunter');
  await page.getByRole('button', { name: 'Add persona' }).click();
  await expect(page.getByTestId('persona-list')).toContainText('Sam Shopper');
  await page.goto(mapUrl);
  await editor.grid.waitFor();
  await page.getByTestId('toolbar.persona').click();
  await page.getByTestId('persona-library-picker').selectOption({ label: 'Sam Shopper · Bargain hunter' });
  await expect(page.getByTestId('persona-panel')).toContainText('Sam Shopper');
  expect(await seriousA11yViolations(page), 'persona panel').toEqual([]);
});
