import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LANE_KINDS, TrailmapError, validateJourney, type Issue, type Journey } from '@trailmap/schema';
import { fixedContext } from '../commands/context';
import { orderedLanes, orderedStages } from '../selectors';
import { templateExample } from '../templates/index';
import { guardCell, unguardCell } from './csvGuard';
import { fromCsv, parseLaneCell } from './fromCsv';
import { cardsOfStage, stageScore } from './grid';
import { gridDoc } from './gridDoc.testSupport';
import { toCsv } from './toCsv';

const ctx = () => fixedContext('2026-01-01T00:00:00Z', 'c');

/** What the CSV grid can hold: lanes (kind, label) with card texts per stage, stage names, scores. */
const gridOf = (doc: Journey) => ({
  stages: orderedStages(doc).map((stage) => stage.name),
  lanes: orderedLanes(doc).map((lane) => ({
    kind: lane.kind,
    label: lane.label,
    cells: orderedStages(doc).map((stage) => cardsOfStage(doc, lane.id, stage.id).map((card) => card.text)),
  })),
  scores: orderedStages(doc).map((stage) => stageScore(doc, stage.id)),
});

const csvError = (text: string): { error: TrailmapError; issues: Issue[] } => {
  try {
    fromCsv(text, { ctx: ctx() });
  } catch (error) {
    expect(error).toBeInstanceOf(TrailmapError);
    return { error: error as TrailmapError, issues: (error as TrailmapError).details as Issue[] };
  }
  throw new Error('expected fromCsv to throw');
};

describe('toCsv', () => {
  it('writes a header of stages and one row per lane and card depth, with CRLF line ends', () => {
    const csv = toCsv(templateExample('ecommerce'));
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([
      'lane',
      'Discover',
      'Compare',
      'Checkout',
      'Delivery & first run',
      'Review & reorder',
    ]);
    expect(rows.filter((row) => row[0] === 'Doing [actions]')).toHaveLength(3);
    expect(rows.find((row) => row[0] === 'Feeling [emotions]')).toEqual([
      'Feeling [emotions]',
      '1',
      '-1',
      '-2',
      '1',
      '2',
    ]);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 1);
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    const evil = ['=HYPERLINK("http://x","y")', '+1+2', '-A1', '@SUM(A1)', '\tTab', '\rCR', "'quoted"];
    const doc = gridDoc({
      stages: ['=cmd|calc'],
      lanes: [
        { kind: 'actions', label: '@lane', cells: [evil] },
        { kind: 'emotions', label: '-mood', cells: [[]] },
      ],
      scores: [-1],
    });
    const rows = parse(toCsv(doc)) as string[][];
    expect(rows[0]![1]).toBe("'=cmd|calc");
    expect(rows[1]![0]).toBe("'@lane [actions]");
    const cells = rows.slice(1).map((row) => row[1]!);
    for (const cell of cells.filter((c) => c !== '-1')) expect(cell.startsWith("'")).toBe(true);
    const back = fromCsv(toCsv(doc), { ctx: ctx() });
    expect(gridOf(back)).toEqual(gridOf(doc));
  });

  it('keeps plain numbers unguarded and strips exactly one guard', () => {
    expect(guardCell('-2')).toBe('-2');
    expect(guardCell('+0.5')).toBe('+0.5');
    expect(guardCell('-2 apples')).toBe("'-2 apples");
    expect(unguardCell("'=1")).toBe('=1');
    expect(unguardCell("''=1")).toBe("'=1");
    expect(unguardCell("'plain")).toBe("'plain");
    fc.assert(fc.property(fc.string(), (text) => unguardCell(guardCell(text)) === text));
  });

  it('adds an emotions row when the map scores stages but has no emotions lane', () => {
    const doc = gridDoc({
      stages: ['A', 'B'],
      lanes: [{ kind: 'actions', label: 'Do', cells: [['x']] }],
      scores: [2, undefined],
    });
    const rows = parse(toCsv(doc)) as string[][];
    expect(rows[rows.length - 1]).toEqual(['Emotion [emotions]', '2', '']);
  });
});

describe('fromCsv', () => {
  it('reads a hand-made grid, guessing lane kinds from labels', () => {
    const doc = fromCsv(
      'Lane,Search,Buy\nActions,Looks around,Pays\nActions,,Gets receipt\nPain points,Slow site,\nEmotion,1,-2\nNotes,,"multi\nline"\n',
      {
        ctx: ctx(),
        filename: 'grid.csv',
      },
    );
    const result = validateJourney(doc);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(doc.map.title).toBe('grid');
    expect(gridOf(doc)).toEqual({
      stages: ['Search', 'Buy'],
      lanes: [
        { kind: 'actions', label: 'Actions', cells: [['Looks around'], ['Pays', 'Gets receipt']] },
        { kind: 'pain-points', label: 'Pain points', cells: [['Slow site'], []] },
        { kind: 'emotions', label: 'Emotion', cells: [[], []] },
        { kind: 'custom', label: 'Notes', cells: [[], ['multi\nline']] },
      ],
      scores: [1, -2],
    });
  });

  it('reads a grid with lanes but no stages yet', () => {
    const doc = gridDoc({ stages: [], lanes: [{ kind: 'actions', label: 'Do', cells: [] }] });
    const back = fromCsv(toCsv(doc), { ctx: ctx() });
    expect(validateJourney(back).ok).toBe(true);
    expect(gridOf(back)).toEqual(gridOf(doc));
  });

  it('reads lane kinds written as "Label [kind]"', () => {
    expect(parseLaneCell('Backstage work [backstage]')).toEqual({
      label: 'Backstage work',
      kind: 'backstage',
    });
    expect(parseLaneCell('KPIs [not-a-kind]')).toEqual({ label: 'KPIs [not-a-kind]', kind: 'custom' });
    expect(parseLaneCell('Touchpoints')).toEqual({ label: 'Touchpoints', kind: 'touchpoints' });
  });

  it('reports located problems', () => {
    expect(csvError('').issues[0]).toMatchObject({ code: 'INVALID_CSV', line: 1, col: 1 });
    expect(csvError('stage,A\nx,y\n').issues[0]).toMatchObject({ line: 1, col: 1 });
    expect(csvError('lane,A,\nx,y,z\n').issues[0]).toMatchObject({ line: 1, col: 3 });
    const scores = csvError('lane,A,B\nMood [emotions],3,x\n');
    expect(scores.issues.map((issue) => [issue.line, issue.col])).toEqual([
      [2, 2],
      [2, 3],
    ]);
    expect(csvError('lane,A\nx,"unterminated\n').error.code).toBe('INVALID_CSV');
    expect(csvError('lane,A,B\nx,1\n').issues[0]!.line).toBe(2);
    const tooMany = csvError(`lane,A\n${'Do,x\n'.repeat(20001)}`);
    expect(tooMany.issues).toEqual([expect.objectContaining({ line: 20002, col: 2 })]);
  });
});

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== '');
const label = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 =+@-]{0,15}$/).map((value) => value.trim());

describe('CSV round trip', () => {
  it('keeps lanes (kind, label), stages, card texts per cell and stage scores', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.map((value) => value.trim()).filter((value) => value.length <= 200),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.record({ kind: fc.constantFrom(...LANE_KINDS), label }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(fc.array(text, { maxLength: 3 }), { maxLength: 5 }), { maxLength: 5 }),
        fc.array(fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }), { maxLength: 5 }),
        (stages, laneHeads, cellsPerLane, scores) => {
          // neighbouring lanes with the same label and kind read back as one lane: keep them apart
          const lanes = laneHeads.map((head, i) => ({
            ...head,
            label: `${head.label}${i}`,
            cells: stages.map((_, s) => cellsPerLane[i]?.[s] ?? []),
          }));
          if (!lanes.some((lane) => lane.kind === 'emotions')) scores = [];
          const doc = gridDoc({ stages, lanes, scores: stages.map((_, s) => scores[s]) });
          const back = fromCsv(toCsv(doc), { ctx: ctx() });
          expect(validateJourney(back).ok).toBe(true);
          expect(gridOf(back)).toEqual(gridOf(doc));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('round-trips every template grid (steps flattened into stages)', () => {
    for (const id of [
      'ecommerce',
      'lifecycle-8',
      'b2b-saas',
      'onboarding',
      'service-blueprint',
      'day-in-the-life',
      'blank',
    ]) {
      const doc = templateExample(id);
      const back = fromCsv(toCsv(doc), { ctx: ctx() });
      expect(validateJourney(back).ok, id).toBe(true);
      expect(gridOf(back), id).toEqual(gridOf(doc));
    }
  });
});
