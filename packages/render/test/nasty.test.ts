import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { layoutJourney, measureText, renderSvg, type RectNode, type TextNode } from '../src/index';
import { renderSvg as renderSelfContained } from '../src/node/index';
import { svgToPng } from '../src/node/png';
import { ARABIC, HOSTILE, LONG_CARD, nastyDoc } from './support/nastyDoc';

interface Parsed {
  elements: string[];
  attributes: Map<string, string[]>;
  texts: string[];
}

/** Parses with a strict XML parser; throws on anything not well-formed. */
function parseSvg(svg: string): Parsed {
  const parsed: Parsed = { elements: [], attributes: new Map(), texts: [] };
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    parsed.elements.push(tag.local);
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      const value = typeof attribute === 'string' ? attribute : attribute.value;
      parsed.attributes.set(name, [...(parsed.attributes.get(name) ?? []), value]);
    }
  });
  parser.on('text', (text) => parsed.texts.push(text));
  parser.write(svg).close();
  return parsed;
}

const ALLOWED_ELEMENTS = new Set([
  'svg',
  'title',
  'desc',
  'style',
  'rect',
  'line',
  'path',
  'circle',
  'text',
  'tspan',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'xmlns',
  'width',
  'height',
  'viewBox',
  'font-family',
  'role',
  'data-theme',
  'x',
  'y',
  'rx',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'fill-opacity',
  'stroke-opacity',
  'font-size',
  'font-weight',
  'text-anchor',
  'data-id',
]);

describe('hostile and extreme input', () => {
  const doc = nastyDoc();
  const svg = renderSvg(doc, { version: 'v1', date: '2026-11-23' });

  it('stays well-formed XML with only the elements and attributes the writer makes', () => {
    const parsed = parseSvg(svg);
    expect(new Set(parsed.elements)).toEqual(
      new Set([...parsed.elements].filter((name) => ALLOWED_ELEMENTS.has(name))),
    );
    for (const name of parsed.attributes.keys()) expect(ALLOWED_ATTRIBUTES.has(name), name).toBe(true);
    expect(parsed.elements).not.toContain('script');
    expect(parsed.elements.filter((name) => name === 'svg')).toHaveLength(1);
  });

  it('keeps user text as text: the markup in it comes back verbatim from the parser', () => {
    const parsed = parseSvg(svg);
    const allText = parsed.texts.join('\n');
    expect(allText).toContain('<script>alert("x")</script></svg>');
    expect(allText).toContain(ARABIC);
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/<svg onload/);
  });

  it('is still well-formed with the font embedded', () => {
    expect(() => parseSvg(renderSelfContained(doc))).not.toThrow();
  });

  it('lays out 60 stages left to right without overlap and keeps cards inside columns', () => {
    const layout = layoutJourney(doc);
    const stageIds = new Set(layout.columns.map((column) => column.stageId));
    expect(stageIds.size).toBe(60);
    layout.columns.forEach((column, i) => {
      if (i > 0)
        expect(column.x).toBeGreaterThanOrEqual(layout.columns[i - 1]!.x + layout.columns[i - 1]!.width);
    });
    const cards = layout.nodes.filter(
      (node): node is RectNode => node.kind === 'rect' && !!node.recordId?.startsWith('card:'),
    );
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const owner = doc.cards.find((c) => c.id === card.recordId)!;
      const column = layout.columns.find((c) => c.stageId === owner.stageId)!;
      expect(card.x + card.width).toBeLessThanOrEqual(column.x + column.width);
    }
    expect(layout.width).toBeGreaterThan(60 * 180);
  });

  it('wraps very long words and 500-character cards inside their card, ending cut text with …', () => {
    const layout = layoutJourney(doc);
    const texts = layout.nodes.filter(
      (node): node is TextNode => node.kind === 'text' && !!node.recordId?.startsWith('card:'),
    );
    for (const text of texts) {
      const rect = layout.nodes.find(
        (n): n is RectNode => n.kind === 'rect' && n.recordId === text.recordId,
      )!;
      for (const line of text.lines)
        expect(measureText(line, text.size), line).toBeLessThanOrEqual(rect.width - 19.9);
    }
    const long = texts.find((text) => text.recordId === 'card:d7')!;
    expect(long.lines.join(' ')).toBe(LONG_CARD.trim());
    const longer = layoutJourney({
      ...doc,
      cards: doc.cards.map((c) => (c.id === 'card:d7' ? { ...c, text: LONG_CARD.repeat(3) } : c)),
    });
    const cut = longer.nodes.find((n): n is TextNode => n.kind === 'text' && n.recordId === 'card:d7')!;
    expect(cut.lines.at(-1)!.endsWith('…')).toBe(true);
  });

  it('gives empty and collapsed lanes a row of their own', () => {
    const layout = layoutJourney(doc);
    const empty = layout.rows.find((row) => row.laneId === 'lane:empty')!;
    const collapsed = layout.rows.find((row) => row.laneId === 'lane:closed')!;
    expect(empty.height).toBeGreaterThanOrEqual(60);
    expect(collapsed.height).toBeLessThan(empty.height);
    expect(layout.nodes.some((node) => node.recordId === 'card:c0')).toBe(false);
  });

  it('rasterises without errors', () => {
    const png = svgToPng(
      renderSvg({
        ...doc,
        stages: doc.stages.slice(0, 12),
        cards: doc.cards.filter((c) => Number(c.stageId.slice(7)) < 12),
      }),
      { scale: 0.25 },
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(HOSTILE.length).toBeGreaterThan(0);
  });
});

describe('PNG size guard', () => {
  it('refuses an image beyond the pixel budget with TOO_LARGE', () => {
    const svg = renderSvg(nastyDoc());
    expect(() => svgToPng(svg, { dpi: 300, maxPixels: 10_000_000 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', status: 413 }),
    );
  });
});
