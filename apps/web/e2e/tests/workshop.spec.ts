import { artifact, expect, newUser, test } from '../fixtures/fixtures';

test.describe('a facilitator runs a workshop on one map', () => {
  test('sign up, map from a template, edit, comment with @mention, vote, and everything persists', async ({
    page,
    auth,
    maps,
    editor,
  }, testInfo) => {
    const facilitator = newUser('Ana Lima');
    await auth.signUp(facilitator);
    await maps.waitForList();
    await expect(maps.empty).toBeVisible();
    await artifact(page, testInfo, 'map-list-empty');

    const mapId = await maps.createFromTemplate('ecommerce', 'Checkout workshop');
    await expect(editor.mode).toContainText('Live');
    await artifact(page, testInfo, 'editor');

    await editor.addStageNamed('Loyalty');
    const firstCard = editor.cards.first();
    await editor.editCardText(firstCard, 'Sees an ad from the running club');

    const before = Number(await editor.emotionPoints().first().getAttribute('aria-valuenow'));
    const after = await editor.dragEmotionPoint(0, 60);
    expect(after).toBeLessThan(before);

    await editor.openComments(editor.card('Sees an ad from the running club'));
    await editor.commentWithMention('What does', 'Ana', 'think about this ad?');
    await expect(editor.comments).toHaveCount(1);
    await expect(editor.comments.first()).toContainText('@Ana Lima');
    await artifact(page, testInfo, 'comments');

    const opportunity = page.getByTestId('opportunity').first();
    await opportunity.click();
    await page.getByTestId('opportunity-owner').fill('Checkout squad lead');
    await page.getByTestId('opportunity-save').click();
    await expect(opportunity).toContainText('Checkout squad lead');

    await editor.votingStart.click();
    const vote = page.getByTestId('vote-button').first();
    await vote.click();
    await expect(page.getByTestId('votes-left')).toContainText('2 of 3');
    await editor.votingReveal.click();
    await expect(page.getByTestId('vote-total').first()).toContainText('1');
    await editor.expectSaved();

    await page.reload();
    await editor.grid.waitFor();
    await expect(editor.stageHeaders().last()).toContainText('Loyalty');
    await expect(editor.card('Sees an ad from the running club')).toBeVisible();
    await expect(editor.emotionPoints().first()).toHaveAttribute('aria-valuenow', String(after));
    await expect(page.getByTestId('card-comment-count').first()).toContainText('1');
    await expect(page.getByTestId('vote-total').first()).toContainText('1');
    await expect(page.getByTestId('opportunity').first()).toContainText('Checkout squad lead');
    expect(mapId).toMatch(/\S/);

    await maps.open();
    await expect(maps.tiles).toHaveCount(1);
    await expect(maps.tiles.first()).toContainText('Checkout workshop');
    await artifact(page, testInfo, 'map-list');
  });
});
