import { describe, expect, it } from 'vitest';
import {
  layoutJourney,
  measureText,
  renderSvg,
  type LayoutNode,
  type RectNode,
  type TextNode,
} from '../src/index';
import { GOLDEN_OPTIONS, loadFixture } from './support/fixtures';

const shuffle = <T>(items: T[]) => [...items].reverse();

const rectOf = (nodes: LayoutNode[], id: string) =>
  nodes.find((node): node is RectNode => node.kind === 'rect' && node.recordId === id);

describe('layoutJourney', () => {
  it('does not depend on the order of records in the file', () => {
    const doc = loadFixture('ecommerce');
    const reordered = {
      ...doc,
      stages: shuffle(doc.stages),
      lanes: shuffle(doc.lanes),
      cards: shuffle(doc.cards),
      emotions: shuffle(doc.emotions),
      connections: shuffle(doc.connections),
      opportunities: shuffle(doc.opportunities),
    };
    expect(renderSvg(reordered, GOLDEN_OPTIONS)).toBe(renderSvg(doc, GOLDEN_OPTIONS));
  });

  it('places stages left to right in index order and every card inside its column', () => {
    const doc = loadFixture('onboarding');
    const layout = layoutJourney(doc, GOLDEN_OPTIONS);
    const stageXs = layout.columns.map((column) => column.x);
    expect(stageXs).toEqual([...stageXs].sort((a, b) => a - b));
    for (const card of doc.cards) {
      const rect = rectOf(layout.nodes, card.id)!;
      const column = layout.columns.find((c) => c.stageId === card.stageId && c.stepId === card.stepId)!;
      const row = layout.rows.find((r) => r.laneId === card.laneId)!;
      expect(rect.x).toBeGreaterThanOrEqual(column.x);
      expect(rect.x + rect.width).toBeLessThanOrEqual(column.x + column.width);
      expect(rect.y).toBeGreaterThanOrEqual(row.y);
      expect(rect.y + rect.height).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  it('widens a column for long card text and keeps wrapped lines inside the card', () => {
    const doc = loadFixture('ecommerce');
    const base = layoutJourney(doc).columns[0]!.width;
    const card = doc.cards.find((c) => c.stageId === doc.stages[0]!.id)!;
    const long = {
      ...doc,
      cards: doc.cards.map((c) => (c.id === card.id ? { ...c, text: 'words '.repeat(80) } : c)),
    };
    const layout = layoutJourney(long);
    expect(layout.columns[0]!.width).toBeGreaterThan(base);
    const rect = rectOf(layout.nodes, card.id)!;
    const text = layout.nodes.find((n): n is TextNode => n.kind === 'text' && n.recordId === card.id)!;
    for (const line of text.lines) expect(measureText(line, text.size)).toBeLessThanOrEqual(rect.width - 20);
  });

  it('draws the three service-blueprint lines with their labels', () => {
    const svg = renderSvg(loadFixture('service-blueprint'));
    for (const label of ['LINE OF INTERACTION', 'LINE OF VISIBILITY', 'LINE OF INTERNAL INTERACTION']) {
      expect(svg).toContain(label);
    }
  });

  it('shows the version and date it is given, and placeholders without them', () => {
    const doc = loadFixture('blank');
    expect(renderSvg(doc, { version: 'v12', date: '2031-02-03' })).toMatch(/v12[\s\S]*2031-02-03/);
    expect(renderSvg(doc)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('marks assumption-only evidence distinctly from research evidence', () => {
    const svg = renderSvg(loadFixture('ecommerce'));
    expect(svg).toContain('⚠ Assumption');
    expect(svg).toMatch(/Interview[^<]*●/);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it("shows an opportunity's evidence as the same badge cards get, unless evidence is hidden", () => {
    const doc = loadFixture('ecommerce');
    const survey = {
      id: 'evidence:opp-survey',
      source: 'survey' as const,
      confidence: 'high' as const,
      title: 'Checkout survey',
    };
    const interview = {
      ...survey,
      id: 'evidence:opp-interview',
      source: 'interview' as const,
      confidence: 'low' as const,
    };
    const opportunity = doc.opportunities[0]!;
    const withEvidence = {
      ...doc,
      evidence: [...doc.evidence, survey, interview],
      opportunities: [
        { ...opportunity, evidenceIds: [survey.id, interview.id] },
        ...doc.opportunities.slice(1),
      ],
    };
    const texts = (journey: typeof doc, options = {}) =>
      layoutJourney(journey, options)
        .nodes.filter((node) => node.kind === 'text')
        .flatMap((node) => node.lines);
    // Main source first, how many more, the best confidence: a label no card of the template has.
    expect(texts(doc)).not.toContain('Survey +1 ●●●');
    expect(texts(withEvidence)).toContain('Survey +1 ●●●');
    expect(texts(withEvidence, { hideEvidence: true })).not.toContain('Survey +1 ●●●');
  });

  it('draws each connection kind differently', () => {
    const doc = loadFixture('ecommerce');
    const layout = layoutJourney(doc);
    const paths = (id: string) => layout.nodes.filter((n) => n.kind === 'path' && n.recordId === id);
    const byKind = Object.fromEntries(doc.connections.map((c) => [c.kind, paths(c.id)[0]]));
    expect(Object.keys(byKind).length).toBeGreaterThanOrEqual(3);
    if (byKind['controlled-evaluation'])
      expect(byKind['controlled-evaluation']).toMatchObject({ dash: 'dashed' });
    if (byKind['open-exploration']) expect(byKind['open-exploration']).toMatchObject({ dash: 'dotted' });
    if (byKind.direct) expect(byKind.direct).not.toHaveProperty('dash');
  });
});
