import { artifact, expect, newUser, secondPerson, test } from '../fixtures/fixtures';

test('two people editing the same map see each other’s changes and cursors', async ({
  page,
  auth,
  maps,
  editor,
  share,
  browser,
  baseURL,
}, testInfo) => {
  await auth.signUp(newUser('Ana Lima'));
  const mapId = await maps.createFromTemplate('current-state', 'Shared map');
  const ben = await secondPerson(browser, baseURL!, 'Ben Okafor');
  await share.addMember(ben.user.email, 'editor');

  await ben.page.goto(`/signin?next=${encodeURIComponent(`/maps/${mapId}`)}`);
  await ben.page.getByTestId('auth-email').fill(ben.user.email);
  await ben.page.getByTestId('auth-password').fill(ben.user.password);
  await ben.page.getByTestId('auth-submit').click();
  await ben.editor.grid.waitFor();
  await expect(ben.editor.mode).toContainText('Live');

  // Ana edits, Ben sees it; Ben edits, Ana sees it.
  await editor.editCardText(editor.cards.first(), 'Typed by Ana');
  await expect(ben.editor.card('Typed by Ana')).toBeVisible();
  await ben.editor.editCardText(ben.editor.card('Typed by Ana'), 'Changed by Ben');
  await expect(editor.card('Changed by Ben')).toBeVisible();

  // Cursors and avatars of the other person.
  const box = await ben.editor.grid.boundingBox();
  await ben.page.mouse.move(box!.x + 400, box!.y + 200);
  await ben.page.mouse.move(box!.x + 420, box!.y + 220, { steps: 3 });
  await expect(editor.peerCursors.first()).toBeVisible();
  await expect(page.getByTestId('peer-avatars')).toBeVisible();
  await artifact(page, testInfo, 'two-people');
  await ben.context.close();
  expect(ben.problems.problems).toEqual([]);
});
