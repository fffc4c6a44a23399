import { expect, newUser, test } from '../fixtures/fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('cards copied in one map paste into another and are saved there', async ({
  page,
  auth,
  maps,
  editor,
}) => {
  await auth.signUp(newUser('Ana Lima'));
  await maps.createFromTemplate('ecommerce', 'Copy from here');
  await editor.editCardText(editor.cards.first(), 'A card worth reusing');
  await editor.card('A card worth reusing').click();
  await page.keyboard.press('Control+c');
  await editor.expectSaved();

  await page.goto('/');
  const target = await maps.createFromTemplate('onboarding', 'Paste into here');
  const count = await editor.cards.count();
  await editor.cards.first().focus();
  await page.keyboard.press('Control+v');
  await expect(editor.cards).toHaveCount(count + 1);
  await expect(editor.card('A card worth reusing')).toBeVisible();
  await editor.expectSaved();

  await editor.open(target);
  await expect(editor.card('A card worth reusing')).toBeVisible();
});

test('the editor says when it is offline and saves what was typed once back', async ({
  context,
  auth,
  maps,
  editor,
}) => {
  await auth.signUp(newUser('Ana Lima'));
  const mapId = await maps.createFromTemplate('ecommerce', 'Train ride');
  await editor.expectSaved();

  await context.setOffline(true);
  await expect(editor.saveStatus).toHaveAttribute('data-state', 'offline');
  await expect(editor.saveStatus).toContainText('Offline');
  await editor.editCardText(editor.cards.first(), 'Written in a tunnel');

  await context.setOffline(false);
  await editor.expectSaved();
  await editor.open(mapId);
  await expect(editor.card('Written in a tunnel')).toBeVisible();
});
