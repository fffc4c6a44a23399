import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../layout/types';
import { subsetFont } from './embedFont';
import { embeddedFontCss } from './fontCache';

const headDates = (font: Buffer) => {
  for (let record = 12; record < 12 + font.readUInt16BE(4) * 16; record += 16) {
    if (font.toString('latin1', record, record + 4) === 'head') {
      const offset = font.readUInt32BE(record + 8);
      return font.subarray(offset + 20, offset + 36);
    }
  }
  throw new Error('no head table');
};

describe('subsetFont', () => {
  it('keeps only the requested glyphs, with the right weight, and no clock in the bytes', () => {
    const bold = subsetFont('bold', 'Ab€');
    const parsed = opentype.parse(
      bold.buffer.slice(bold.byteOffset, bold.byteOffset + bold.byteLength) as ArrayBuffer,
    );
    expect(parsed.numGlyphs).toBe(4); // .notdef + 3
    expect(parsed.charToGlyph('A').index).toBeGreaterThan(0);
    expect(parsed.charToGlyph('z').index).toBe(0);
    expect(
      (parsed as unknown as { tables: { os2: { usWeightClass: number } } }).tables.os2.usWeightClass,
    ).toBe(700);
    expect([...headDates(bold)].every((byte) => byte === 0)).toBe(true);
  });
});

describe('embeddedFontCss', () => {
  it('embeds one face per weight used, as data URLs only', () => {
    const layout: Layout = {
      width: 10,
      height: 10,
      title: '',
      description: '',
      columns: [],
      rows: [],
      nodes: [
        {
          kind: 'text',
          style: 'text',
          x: 0,
          y: 0,
          lines: ['Hi'],
          size: 12,
          weight: 'bold',
          lineHeight: 16,
          anchor: 'start',
        },
      ],
    };
    const css = embeddedFontCss(layout);
    expect(css.match(/@font-face/g)).toHaveLength(1);
    expect(css).toContain('font-weight:700');
    expect(css).toMatch(/src:url\(data:font\/otf;base64,[A-Za-z0-9+/=]+\) format\("opentype"\)/);
  });
});
