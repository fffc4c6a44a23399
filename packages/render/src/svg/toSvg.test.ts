import { describe, expect, it } from 'vitest';
import type { Layout } from '../layout/types';
import { getTheme } from '../theme/themes';
import { escapeXml } from './escapeXml';
import { num, toSvg } from './toSvg';

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\uD800d\tf\ng')).toBe('abcd\tf\ng');
    expect(escapeXml('😀 keeps pairs')).toBe('😀 keeps pairs');
  });
});

describe('num', () => {
  it('rounds to two decimals without trailing zeros or negative zero', () => {
    expect(num(1.005)).toBe('1');
    expect(num(2.3456)).toBe('2.35');
    expect(num(10)).toBe('10');
    expect(num(-0.001)).toBe('0');
  });
});

describe('toSvg', () => {
  const layout: Layout = {
    width: 100.123,
    height: 50,
    title: 'T <1>',
    description: '',
    columns: [],
    rows: [],
    nodes: [
      { kind: 'rect', style: 'canvas', x: 0, y: 0, width: 100.123, height: 50 },
      {
        kind: 'text',
        style: 'text',
        x: 1.111,
        y: 2.226,
        lines: ['a&b', '</svg>'],
        size: 12,
        weight: 'bold',
        lineHeight: 16,
        anchor: 'start',
        recordId: 'card:"x"',
      },
      {
        kind: 'path',
        style: 'connection',
        segments: [['M', 0, 0], ['C', 1, 2, 3, 4, 5.555, 6], ['Z']],
        width: 1.5,
        dash: 'dotted',
      },
    ],
  };

  it('writes rounded coordinates and escaped text', () => {
    const svg = toSvg(layout, getTheme('light'));
    expect(svg).toContain('width="100.12"');
    expect(svg).toContain('<title>T &lt;1&gt;</title>');
    expect(svg).toContain(
      '<tspan x="1.11" y="2.23">a&amp;b</tspan><tspan x="1.11" y="18.23">&lt;/svg&gt;</tspan>',
    );
    expect(svg).toContain('data-id="card:&quot;x&quot;"');
    expect(svg).toContain('d="M0 0C1 2 3 4 5.56 6Z"');
    expect(svg).toContain('stroke-dasharray="1.5 3.5"');
  });

  it('is byte-identical for the same input', () => {
    expect(toSvg(layout, getTheme('dark'))).toBe(toSvg(structuredClone(layout), getTheme('dark')));
  });

  it('references nothing outside the file', () => {
    const svg = toSvg(layout, getTheme('print'));
    expect(svg).not.toMatch(/href|url\(|@import/);
  });
});
