import { describe, expect, it } from 'vitest';
import { measureText } from './measure';
import { isRightToLeft, wrapText } from './wrap';

describe('measureText', () => {
  it('uses the bundled font advances: "W" is wider than "i", bold wider than regular', () => {
    expect(measureText('W', 12)).toBeGreaterThan(measureText('i', 12) * 2);
    expect(measureText('Checkout', 12, 'bold')).toBeGreaterThan(measureText('Checkout', 12));
    // DejaVu Sans "H" advance is 1540/2048 em
    expect(measureText('H', 2048)).toBeCloseTo(1540, 5);
  });

  it('gives glyphs the font lacks a full em and combining marks none', () => {
    expect(measureText('中', 10)).toBe(10);
    expect(measureText('e\u0301', 10)).toBeCloseTo(measureText('e', 10), 5);
  });
});

describe('wrapText', () => {
  const options = { size: 12, maxWidth: 120 };

  it('keeps every line within the width and loses no words', () => {
    const text = 'Compares delivery times and return policies across three shops before choosing one';
    const lines = wrapText(text, options);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(measureText(line, 12)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word longer than the line without splitting grapheme clusters', () => {
    const word = `${'x'.repeat(60)}👩‍👩‍👧${'y'.repeat(30)}`;
    const lines = wrapText(word, options);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(word);
    expect(lines.some((line) => line.includes('👩‍👩‍👧'))).toBe(true);
  });

  it('breaks CJK between characters', () => {
    const lines = wrapText('顾客在结账时找不到付款按钮感到非常沮丧', options);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, 12)).toBeLessThanOrEqual(120);
  });

  it('keeps hard line breaks and ends truncated text with an ellipsis', () => {
    expect(wrapText('one\ntwo', options)).toEqual(['one', 'two']);
    const lines = wrapText('word '.repeat(200), { ...options, maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(measureText(lines[2]!, 12)).toBeLessThanOrEqual(120);
  });
});

describe('isRightToLeft', () => {
  it('follows the first strong character', () => {
    expect(isRightToLeft('العميل لا يجد')).toBe(true);
    expect(isRightToLeft('123 הלקוח')).toBe(true);
    expect(isRightToLeft('Checkout العميل')).toBe(false);
    expect(isRightToLeft('😀 123')).toBe(false);
  });
});
