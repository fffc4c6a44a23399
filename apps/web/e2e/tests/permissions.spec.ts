import { artifact, expect, newUser, secondPerson, test } from '../fixtures/fixtures';

test('a viewer cannot edit', async ({ auth, maps, editor, share, browser, baseURL }, testInfo) => {
  await auth.signUp(newUser('Ana Lima'));
  const mapId = await maps.createFromTemplate('onboarding', 'Viewer test');
  const vic = await secondPerson(browser, baseURL!, 'Vic Viewer');
  await share.addMember(vic.user.email, 'viewer');

  await vic.page.goto(`/signin?next=${encodeURIComponent(`/maps/${mapId}`)}`);
  await vic.page.getByTestId('auth-email').fill(vic.user.email);
  await vic.page.getByTestId('auth-password').fill(vic.user.password);
  await vic.page.getByTestId('auth-submit').click();
  await vic.editor.grid.waitFor();
  await expect(vic.editor.editor).toHaveAttribute('data-can-edit', 'false');
  await expect(vic.editor.addStage).toHaveCount(0);
  await expect(vic.page.getByTestId('cell.add-card')).toHaveCount(0);
  await expect(vic.page.getByTestId('lane-menu.line')).toHaveCount(0);

  const count = await vic.editor.cards.count();
  const first = vic.editor.cards.first();
  const text = await first.textContent();
  await first.dblclick();
  await expect(vic.page.getByTestId('card-input')).toHaveCount(0);
  await first.press('Delete');
  await expect(vic.editor.cards).toHaveCount(count);
  await expect(vic.editor.cards.first()).toHaveText(text ?? '');
  await expect(vic.editor.saveStatus).toContainText('View only');
  await artifact(vic.page, testInfo, 'viewer');

  // The owner's map is unchanged.
  await expect(editor.cards).toHaveCount(count);
  await vic.context.close();
  expect(vic.problems.problems).toEqual([]);
});

test('a share link opens the map read-only without an account, and not once revoked', async ({
  auth,
  maps,
  share,
  browser,
  baseURL,
}, testInfo) => {
  await auth.signUp(newUser('Ana Lima'));
  await maps.createFromTemplate('ecommerce', 'Shared by link');
  const url = await share.createReadOnlyLink();
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  // The token alone: the page asks the server which map it opens.
  expect(path).toMatch(/^\/s\/[^/?#]+$/);

  const openAsGuest = async () => {
    const guest = await browser.newContext({ baseURL: baseURL!, viewport: { width: 1400, height: 900 } });
    const page = await guest.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(path);
    return { guest, page, errors };
  };

  const first = await openAsGuest();
  await first.page.getByTestId('shared-view').waitFor();
  await expect(first.page.getByTestId('map-title')).toHaveText('Shared by link');
  await expect(first.page.getByTestId('editor')).toHaveAttribute('data-can-edit', 'false');
  await expect(first.page.getByTestId('toolbar.add-stage')).toHaveCount(0);
  await artifact(first.page, testInfo, 'shared-link');
  await first.guest.close();
  expect(first.errors).toEqual([]);

  await share.revokeOnlyLink();
  const second = await openAsGuest();
  await expect(second.page.getByTestId('shared-invalid')).toBeVisible();
  await expect(second.page.getByRole('heading', { level: 1 })).toHaveText('This link is no longer valid');
  await expect(second.page.getByTestId('shared-view')).toHaveCount(0);
  await artifact(second.page, testInfo, 'shared-link-revoked');
  await second.guest.close();
  // The browser logs the lookup's 404 itself; nothing else may fail.
  expect(second.errors.filter((error) => !/404.*\/api\/v1\/share\//.test(error))).toEqual([]);
});
