import { artifact, expect, test } from '../fixtures/fixtures';

// Evidence is edited the same way on cards, emotion points and opportunities (offline sandbox).
test.describe('evidence behind the map', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.openSandbox(24);
  });

  test('is added, edited, marked as assumption and removed on a card', async ({ editor }) => {
    const card = editor.cardById('card:c0');
    await card.click();
    await editor.evidence.add({
      source: 'interview',
      confidence: 'high',
      title: 'Ten runners',
      date: '2026-10-02',
    });
    await expect(card.getByTestId('card-evidence')).toHaveText('Interview ●●●');
    await expect(editor.evidence.items).toHaveCount(1);
    await expect(editor.evidence.items.first()).toContainText('2026-10-02');

    // A quote and a link to the recording; only web links become clickable.
    await editor.evidence.edit(0, { quote: 'I never know if a 42 fits', url: 'https://example.com/rec/7' });
    await expect(editor.evidence.items.first().getByTestId('evidence-quote-text')).toHaveText(
      'I never know if a 42 fits',
    );
    await expect(editor.evidence.items.first().getByTestId('evidence-link')).toHaveAttribute(
      'href',
      'https://example.com/rec/7',
    );
    await editor.evidence.edit(0, { url: 'javascript:alert(1)' });
    await expect(editor.evidence.items.first().getByTestId('evidence-link')).toHaveCount(0);
    await editor.evidence.edit(0, { quote: '', url: '' });
    await expect(editor.evidence.items.first().getByTestId('evidence-quote-text')).toHaveCount(0);

    await editor.evidence.edit(0, { assumption: true, date: '' });
    await expect(card.getByTestId('card-assumption')).toHaveText('⚠ Assumption');
    await expect(card.getByTestId('card-evidence')).toHaveCount(0);
    await expect(editor.evidence.items.first()).toContainText('Based on assumption');
    await expect(editor.evidence.items.first()).not.toContainText('2026-10-02');

    await editor.evidence.unlink(0);
    await expect(card.getByTestId('card-assumption')).toHaveCount(0);
    await expect(editor.evidence.items).toHaveCount(0);
  });

  test('is cited on emotion points and opportunities, with badges', async ({ page, editor }, testInfo) => {
    const point = editor.emotionPoints().nth(2);
    await point.click();
    await expect(editor.emotionInspector).toBeVisible();
    await editor.evidence.add({ assumption: true, title: 'We think the coupon step hurts' });
    await expect(point.getByTestId('emotion-assumption')).toBeVisible();
    await expect(point).toHaveAttribute('aria-valuetext', /based on assumption/);

    await editor.evidence.edit(0, {
      assumption: false,
      source: 'survey',
      confidence: 'low',
      date: '2026-09-30',
    });
    await expect(point.getByTestId('emotion-evidence')).toHaveText('●○○');
    await expect(point).toHaveAttribute('aria-valuetext', /evidence: Survey ●○○/);
    await expect(point.getByTestId('emotion-assumption')).toHaveCount(0);

    // Keyboard: Enter on another point opens its panel; arrows still change the score.
    await editor.emotionPoints().nth(0).focus();
    await page.keyboard.press('Enter');
    await expect(editor.emotionInspector).toContainText('Feeling in Discover');

    // An opportunity for a pain point cites the survey already recorded in the map.
    await editor.cardById('card:c3').click();
    await page.getByTestId('card-create-opportunity').click();
    await editor.opportunities.first().click();
    await expect(page.getByTestId('opportunity-inspector')).toBeVisible();
    await editor.evidence.cite(/Survey/);
    await expect(editor.opportunities.first().getByTestId('opportunity-evidence')).toHaveText('Survey ●○○');
    await artifact(page, testInfo, 'evidence-opportunity');

    await editor.evidence.add({ source: 'analytics', confidence: 'high' });
    await expect(editor.opportunities.first().getByTestId('opportunity-evidence')).toHaveText(
      'Survey +1 ●●●',
    );
    await page.keyboard.press('Control+z');
    await expect(editor.opportunities.first().getByTestId('opportunity-evidence')).toHaveText('Survey ●○○');
  });
});
