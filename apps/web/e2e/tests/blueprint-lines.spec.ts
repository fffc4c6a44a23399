import { artifact, expect, test } from '../fixtures/fixtures';

// The offline sandbox map has touchpoint, pain point and other lanes; lines work on any map.
test.describe('blueprint lines between lanes', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.openSandbox(24);
  });

  test('are chosen from the lane menu with the keyboard, move between lanes and undo', async ({
    page,
    editor,
  }, testInfo) => {
    await expect(editor.lineAbove('lane:touchpoints')).toHaveCount(0);
    await editor.laneTitle('lane:touchpoints').focus();
    await page.keyboard.press('b');
    const none = editor.laneLineChoice('lane:touchpoints', 'none');
    await expect(none).toBeFocused();
    await expect(none).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(editor.laneLineChoice('lane:touchpoints', 'visibility')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(editor.lineAbove('lane:touchpoints')).toHaveText('Line of visibility');
    await expect(editor.laneLineButton('lane:touchpoints')).toBeFocused();
    await expect(editor.laneLineChoice('lane:touchpoints', 'none')).toHaveCount(0);

    // One line of visibility per map: giving it to another lane takes it from the first.
    await editor.setBlueprintLine('lane:pain-points', 'visibility');
    await expect(editor.lineAbove('lane:pain-points')).toHaveText('Line of visibility');
    await expect(editor.lineAbove('lane:touchpoints')).toHaveCount(0);

    await editor.laneLineButton('lane:pain-points').click();
    await expect(editor.laneLineChoice('lane:pain-points', 'visibility')).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await artifact(page, testInfo, 'blueprint-line-menu');
    await page.keyboard.press('Escape');
    await expect(editor.laneLineChoice('lane:pain-points', 'none')).toHaveCount(0);
    await expect(editor.laneLineButton('lane:pain-points')).toBeFocused();

    await editor.setBlueprintLine('lane:pain-points', 'none');
    await expect(editor.lineAbove('lane:pain-points')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(editor.lineAbove('lane:pain-points')).toHaveText('Line of visibility');
  });
});
