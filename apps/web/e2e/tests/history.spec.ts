import { artifact, expect, newUser, test } from '../fixtures/fixtures';

test('history: name a version, view it read-only next to the current map, restore it; present mode', async ({
  page,
  auth,
  maps,
  editor,
}, testInfo) => {
  await auth.signUp(newUser('Ana Lima'));
  await maps.createFromTemplate('current-state', 'Claims today');
  await editor.expectSaved();
  await page.goto('/');
  const mapId = await maps.createFromTemplate('future-state', 'Versioned map');
  await editor.expectSaved();
  await page.getByTestId('toolbar.history').click();
  await page.getByTestId('version-item').first().waitFor();
  // Future state beside its current state, with the emotion curves overlaid.
  await page.getByTestId('compare-with-map').selectOption({ label: 'Claims today (current-state)' });
  await expect(page.getByTestId('diff-summary')).toContainText('Claims today → Versioned map');
  await expect(page.getByTestId('emotion-overlay')).toBeVisible();
  await expect(page.getByTestId('overlay-before')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('overlay-after')).toHaveAttribute('d', /^M/);
  await artifact(page, testInfo, 'future-vs-current');
  await page.getByTestId('version-name').fill('Before the workshop');
  await page.getByTestId('version-name').press('Enter');
  await expect(page.getByTestId('version-list')).toContainText('Before the workshop');

  await page.goto(`/maps/${encodeURIComponent(mapId)}`);
  await editor.grid.waitFor();
  await editor.editCardText(editor.cards.first(), 'Changed after the version');
  await editor.expectSaved();

  await page.getByTestId('toolbar.history').click();
  const named = page.getByTestId('version-item').filter({ hasText: 'Before the workshop' });
  await named.getByTestId('version-view').click();
  await expect(page.getByTestId('diff-summary')).toContainText('1 changed');
  await expect(page.getByTestId('emotion-overlay')).toBeVisible();
  await artifact(page, testInfo, 'compare');

  page.once('dialog', (dialog) => void dialog.accept());
  await named.getByTestId('version-restore').click();
  await page.waitForURL(/\/maps\/[^/]+$/);
  await editor.grid.waitFor();
  await expect(editor.card('Changed after the version')).toHaveCount(0);

  await page.getByTestId('toolbar.present').click();
  const stage = page.getByTestId('present-stage');
  const first = await stage.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(stage).not.toHaveText(first ?? '');
  await artifact(page, testInfo, 'present');
  await page.keyboard.press('Escape');
  await editor.grid.waitFor();
});
