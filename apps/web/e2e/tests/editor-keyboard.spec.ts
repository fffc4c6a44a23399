import { artifact, expect, test } from '../fixtures/fixtures';

// The offline sandbox runs the same editor on an in-memory map, so these need no account.
test.describe('editing with keyboard and mouse', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.openSandbox(24);
  });

  test('moves a card with Alt+arrows, undoes and redoes', async ({ page, editor }) => {
    const card = editor.cardById('card:c0');
    await expect(card).toHaveAttribute('data-stage-id', 'stage:s0');
    await card.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(editor.cardById('card:c0')).toHaveAttribute('data-stage-id', 'stage:s1');
    await expect(editor.cardById('card:c0')).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(editor.cardById('card:c0')).toHaveAttribute('data-stage-id', 'stage:s0');
    await page.keyboard.press('Control+Shift+z');
    await expect(editor.cardById('card:c0')).toHaveAttribute('data-stage-id', 'stage:s1');
  });

  test('drags a card to another cell and adds, copies, pastes and deletes cards', async ({
    page,
    editor,
  }) => {
    await editor.cardById('card:c0').dragTo(editor.cell('lane:pain-points', 'stage:s3'));
    await expect(editor.cardById('card:c0')).toHaveAttribute('data-lane-id', 'lane:pain-points');
    await expect(editor.cardById('card:c0')).toHaveAttribute('data-stage-id', 'stage:s3');

    const count = await editor.cards.count();
    await editor.cardById('card:c1').click();
    await page.keyboard.press('Control+c');
    await editor.cardById('card:c2').focus();
    await page.keyboard.press('Control+v');
    await expect(editor.cards).toHaveCount(count + 1);

    await editor.cardById('card:c2').focus();
    await page.keyboard.press('n');
    await page.getByTestId('card-input').fill('A new idea from the keyboard');
    await page.getByTestId('card-input').press('Enter');
    await expect(editor.card('A new idea from the keyboard')).toBeVisible();
    await editor.card('A new idea from the keyboard').focus();
    await page.keyboard.press('Delete');
    await expect(editor.card('A new idea from the keyboard')).toHaveCount(0);
  });

  test('shows the shortcut overlay, the action plan and the persona', async ({ page, editor }, testInfo) => {
    await editor.cardById('card:c0').focus();
    await page.keyboard.press('Shift+?');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-help')).toContainText('Move card to next stage');
    await artifact(page, testInfo, 'shortcut-help');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-help')).toHaveCount(0);

    await page.getByTestId('toolbar.persona').click();
    await expect(page.getByTestId('persona-panel')).toContainText('Maya');
    await page.getByTestId('toolbar.view-plan').click();
    await expect(page.getByTestId('action-plan')).toBeVisible();
  });

  test('sets emotions with the keyboard on the curve', async ({ page, editor }) => {
    const point = editor.emotionPoints().first();
    await point.focus();
    const before = Number(await point.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowUp');
    await expect(point).toHaveAttribute('aria-valuenow', String(Math.min(2, before + 0.5)));
  });

  test('a 2,000-card map shows its first screen, then every card', async ({ editor }) => {
    await editor.openSandbox(2000);
    await expect(editor.cards).toHaveCount(2000);
    await expect(editor.cardById('card:c1999')).toBeAttached();
  });
});
