import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng } from '../src/node/index';
import { GOLDEN_OPTIONS } from './support/fixtures';
import { readPng } from './support/goldenCases';
import { differingShare } from './support/pixels';
import { firstPagePng, hasPoppler, pdfText } from './support/poppler';
import { singleCardDoc } from './support/scriptDoc';

// Same length, different characters: with real glyphs the two renders differ; drawn as tofu
// (the same empty box for every missing character) they would be pixel-identical.
const CHINESE_A = '顾客在结账时找不到付款按钮';
const CHINESE_B = '感到非常沮丧希望客服马上回';
const KANA = 'ひらがなとカタカナもあります';

describe('CJK text in PNG', () => {
  const render = (text: string) =>
    renderPng(singleCardDoc(text, text.slice(0, 4)), { ...GOLDEN_OPTIONS, scale: 1 });

  it('draws Chinese glyphs, not tofu boxes (regular card text and a bold stage name)', async () => {
    const [a, b] = await Promise.all([render(CHINESE_A), render(CHINESE_B)]);
    expect(differingShare(readPng(a), readPng(b))).toBeGreaterThan(0.001);
  });

  it('draws Japanese kana too', async () => {
    const [a, b] = await Promise.all([render(CHINESE_A.slice(0, 13)), render(KANA.slice(0, 13))]);
    expect(differingShare(readPng(a), readPng(b))).toBeGreaterThan(0.001);
  });
});

describe.skipIf(!hasPoppler)('CJK text in PDF (pdftoppm, pdftotext)', () => {
  const render = (text: string) =>
    renderPdf(singleCardDoc(text, text.slice(0, 4)), { ...GOLDEN_OPTIONS, paper: 'A4' });

  it('draws Chinese glyphs, not tofu boxes', async () => {
    const [a, b] = await Promise.all([render(CHINESE_A), render(CHINESE_B)]);
    expect(differingShare(firstPagePng(a, 100), firstPagePng(b, 100))).toBeGreaterThan(0.0005);
  });

  it('keeps CJK text selectable', async () => {
    const text = pdfText(await render(CHINESE_A));
    expect(text).toContain(CHINESE_A);
    expect(text).toContain(CHINESE_A.slice(0, 4));
  });
});
