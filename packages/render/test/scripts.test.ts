import { describe, expect, it } from 'vitest';
import { renderPdf, renderPng } from '../src/node/index';
import { GOLDEN_OPTIONS } from './support/fixtures';
import { readPng } from './support/goldenCases';
import { differingShare } from './support/pixels';
import { firstPagePng, hasPoppler, pdfText, pdfWords } from './support/poppler';
import { ARABIC, HEBREW } from './support/nastyDoc';
import { singleCardDoc } from './support/scriptDoc';

// Same length, different characters: with real glyphs the two renders differ; drawn as tofu
// (the same empty box for every missing character) they would be pixel-identical.
const CHINESE_A = '顾客在结账时找不到付款按钮';
const CHINESE_B = '感到非常沮丧希望客服马上回';
const KANA = 'ひらがなとカタカナもあります';
const KOREAN_A = '고객이 결제 버튼을 찾지 못했어요';
const KOREAN_B = '상담원 연결까지 너무 오래 걸림';

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

  it('draws Korean Hangul too', async () => {
    const [a, b] = await Promise.all([render(KOREAN_A), render(KOREAN_B)]);
    expect(differingShare(readPng(a), readPng(b))).toBeGreaterThan(0.001);
  });
});

type Image = ReturnType<typeof readPng>;

/** Leftmost and rightmost columns of the pixels that differ between `a` and `b` (by more than 24). */
function differingColumns(a: Image, b: Image): [number, number] {
  let [left, right] = [Infinity, -Infinity];
  for (let pixel = 0; pixel < a.width * a.height; pixel++) {
    for (let channel = 0; channel < 3; channel++) {
      if (Math.abs(a.data[pixel * 4 + channel]! - b.data[pixel * 4 + channel]!) > 24) {
        [left, right] = [Math.min(left, pixel % a.width), Math.max(right, pixel % a.width)];
        break;
      }
    }
  }
  return [left, right];
}

/** Leftmost and rightmost columns of dark pixels (text ink) in rows `top` to `bottom`, from column `from` on. */
function inkColumns(image: Image, top: number, bottom: number, from: number): [number, number] {
  let [left, right] = [Infinity, -Infinity];
  for (let row = top; row < bottom; row++) {
    for (let column = from; column < image.width; column++) {
      if (image.data[(row * image.width + column) * 4]! < 100) {
        [left, right] = [Math.min(left, column), Math.max(right, column)];
      }
    }
  }
  return [left, right];
}

describe('a PNG line holding both Arabic and CJK', () => {
  // Arabic keeps the full font (for joining), so CJK comes from a separate fallback face here
  const line = (cjk: string) => `${ARABIC.split(' ').slice(0, 3).join(' ')} ${cjk}`;
  const render = async (cjk: string) =>
    readPng(await renderPng(singleCardDoc(line(cjk), 'Stage'), { ...GOLDEN_OPTIONS, scale: 2 }));

  it('draws the CJK glyphs, left of the Arabic words typed before them', async () => {
    const [a, b] = await Promise.all([render(CHINESE_A.slice(0, 6)), render(CHINESE_B.slice(0, 6))]);
    // drawn as boxes, both renders would be pixel-identical
    expect(differingShare(a, b)).toBeGreaterThan(0.0003);
    const [cjkLeft, cjkRight] = differingColumns(a, b);
    // the differing pixels are the CJK: in a right-to-left line it is the leftmost text, and
    // the Arabic words, the same in both renders, take up the space to its right
    const rowOf = (image: Image) => {
      for (let row = 0; row < image.height; row++) {
        for (let column = cjkLeft; column <= cjkRight; column++) {
          if (
            Math.abs(image.data[(row * image.width + column) * 4]! - b.data[(row * b.width + column) * 4]!) >
            24
          ) {
            return row;
          }
        }
      }
      return -1;
    };
    const top = rowOf(a);
    // from a little left of the CJK: enough for a word there, not for the lane label
    const [inkLeft, inkRight] = inkColumns(a, top, top + 24, cjkLeft - 60);
    expect(cjkLeft - inkLeft).toBeLessThan(4);
    expect(inkRight - cjkRight).toBeGreaterThan(80);
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

  it('draws and keeps Korean Hangul selectable', async () => {
    const [a, b] = await Promise.all([render(KOREAN_A), render(KOREAN_B)]);
    expect(differingShare(firstPagePng(a, 100), firstPagePng(b, 100))).toBeGreaterThan(0.0005);
    expect(pdfText(a).replace(/\s+/g, ' ')).toContain(KOREAN_A);
  });
});

describe('right-to-left text in PNG', () => {
  const render = async (text: string) =>
    readPng(await renderPng(singleCardDoc(text, 'Stage'), { ...GOLDEN_OPTIONS, scale: 1 }));
  /** Mean x of the pixels that differ between two renders: where the changed word was drawn. */
  const whereChanged = (a: ReturnType<typeof readPng>, b: ReturnType<typeof readPng>) => {
    let sum = 0;
    let count = 0;
    for (let pixel = 0; pixel < a.width * a.height; pixel++) {
      const i = pixel * 4;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 48) {
        sum += pixel % a.width;
        count++;
      }
    }
    expect(count).toBeGreaterThan(0);
    return sum / count;
  };

  it('orders a Hebrew line with digits and Latin as a right-to-left paragraph, as PDF does', async () => {
    const [firstWord, ...rest] = HEBREW.split(' ');
    const line = (hebrew: string, digits: string, latin: string) =>
      `${hebrew} ${rest.join(' ')} ${digits} ${latin}`;
    const [base, otherLatin, otherDigits, otherHebrew] = await Promise.all([
      render(line(firstWord!, '123', 'ABC')),
      render(line(firstWord!, '123', 'XYZ')),
      render(line(firstWord!, '789', 'ABC')),
      render(line('שלום', '123', 'ABC')),
    ]);
    const latinX = whereChanged(base, otherLatin);
    const digitsX = whereChanged(base, otherDigits);
    const firstWordX = whereChanged(base, otherHebrew);
    // Typed first, the Hebrew word is rightmost; "123" follows it leftwards, then "ABC".
    expect(latinX).toBeLessThan(digitsX);
    expect(digitsX).toBeLessThan(firstWordX);
  });
});

describe.skipIf(!hasPoppler)('right-to-left text in PDF (word positions from pdftotext -bbox)', () => {
  // poppler may report a right-to-left word with its letters in either order; compare letters
  const letters = (word: string) => [...word].sort().join('');
  const leftToRight = (pdf: Buffer, words: string[]) => {
    const wanted = new Set(words.map(letters));
    return pdfWords(pdf)
      .filter((word) => wanted.has(letters(word.text)))
      .sort((a, b) => a.x - b.x)
      .map((word) => letters(word.text));
  };

  it('draws Hebrew words right to left, with Latin and digits ordered by the bidi algorithm', async () => {
    const pdf = await renderPdf(singleCardDoc(`${HEBREW} 123 ABC`, 'Stage'), {
      ...GOLDEN_OPTIONS,
      paper: 'A4',
    });
    const hebrewWords = HEBREW.split(' ');
    // a right-to-left paragraph: the first word typed is the rightmost; "123 ABC" follows it leftwards
    expect(leftToRight(pdf, [...hebrewWords, '123', 'ABC'])).toEqual(
      ['ABC', '123', ...[...hebrewWords].reverse()].map(letters),
    );
  });

  it('draws Arabic words right to left', async () => {
    const pdf = await renderPdf(singleCardDoc('Card', ARABIC), { ...GOLDEN_OPTIONS, paper: 'A4' });
    const arabicWords = ARABIC.split(' ');
    expect(leftToRight(pdf, arabicWords)).toEqual([...arabicWords].reverse().map(letters));
  });
});
