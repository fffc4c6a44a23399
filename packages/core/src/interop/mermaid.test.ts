import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrailmapError, validateJourney, type Issue, type Journey } from '@trailmap/schema';
import { fixedContext } from '../commands/context';
import { orderedLanes, orderedStages } from '../selectors';
import { templateExample } from '../templates/index';
import { cardsOfStage } from './grid';
import { gridDoc } from './gridDoc.testSupport';
import { fromMermaid } from './fromMermaid';
import { toMermaid } from './toMermaid';

const ctx = () => fixedContext('2026-01-01T00:00:00Z', 'm');

const mermaidError = (text: string): { error: TrailmapError; issues: Issue[] } => {
  try {
    fromMermaid(text, { ctx: ctx() });
  } catch (error) {
    expect(error).toBeInstanceOf(TrailmapError);
    return { error: error as TrailmapError, issues: (error as TrailmapError).details as Issue[] };
  }
  throw new Error('expected fromMermaid to throw');
};

const actionTexts = (doc: Journey) => {
  const lanes = orderedLanes(doc).filter((lane) => lane.kind === 'actions');
  return orderedStages(doc).map((stage) =>
    lanes.flatMap((lane) => cardsOfStage(doc, lane.id, stage.id).map((card) => card.text)),
  );
};

describe('toMermaid', () => {
  it('writes sections per stage, action cards as tasks, scores on the 1..5 scale and the persona as actor', () => {
    const text = toMermaid(templateExample('ecommerce'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('journey');
    expect(lines[1]).toBe('  title Buying running shoes online');
    expect(lines.filter((line) => line.startsWith('  section '))).toHaveLength(5);
    expect(text).toContain(
      '  section Checkout\n    Adds one pair in two sizes to the cart: 1: Maya Okafor\n',
    );
    expect(text).toContain('    Leaves a 4-star review: 5: Maya Okafor\n');
    expect(text).not.toContain('Sponsored social post');
  });

  it('uses step scores for cards on scored steps', () => {
    const text = toMermaid(templateExample('onboarding'));
    expect(text).toContain('Searches for her bank and logs in: 1:');
    expect(text).toContain('Accepts the suggested budget: 3:');
  });

  it('keeps characters Mermaid cannot hold out of the syntax', () => {
    const doc = gridDoc({
      title: 'Plan: #1; draft',
      personaName: 'Ana, the buyer',
      stages: ['Step: one'],
      lanes: [{ kind: 'actions', label: 'Do', cells: [['Pay: now # fast; ok\nsecond line', 'section A']] }],
      scores: [2],
    });
    const lines = toMermaid(doc).trimEnd().split('\n');
    for (const line of lines.slice(1)) expect(line).not.toMatch(/[#;]/);
    const tasks = lines.filter((line) => line.startsWith('    '));
    expect(tasks).toHaveLength(2);
    for (const task of tasks) expect(task.split(':')).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('  section '))).toHaveLength(1);
    const back = fromMermaid(toMermaid(doc), { ctx: ctx() });
    expect(back.map.title).toBe('Plan: #1; draft');
    expect(back.stages[0]!.name).toBe('Step: one');
    expect(back.cards.map((card) => card.text)).toEqual(['Pay: now # fast; ok second line', 'section A']);
    expect(back.personas.map((p) => p.name)).toEqual(['Ana, the buyer']);
  });
});

describe('fromMermaid', () => {
  it('reads the example from the Mermaid docs', () => {
    const doc = fromMermaid(
      [
        'journey',
        '    title My working day',
        '    section Go to work',
        '      Make tea: 5: Me',
        '      Go upstairs: 3: Me',
        '      Do work: 1: Me, Cat',
        '    section Go home',
        '      Go downstairs: 5: Me',
        '      Sit down: 5: Me',
      ].join('\n'),
      { ctx: ctx() },
    );
    const result = validateJourney(doc);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(doc.map.title).toBe('My working day');
    expect(orderedStages(doc).map((stage) => stage.name)).toEqual(['Go to work', 'Go home']);
    expect(actionTexts(doc)).toEqual([
      ['Make tea', 'Go upstairs', 'Do work'],
      ['Go downstairs', 'Sit down'],
    ]);
    expect(doc.emotions.map((point) => point.score)).toEqual([0, 2]);
    expect(doc.personas.map((p) => p.name)).toEqual(['Me', 'Cat']);
    expect(doc.map.personaId).toBe(doc.personas[0]!.id);
  });

  it('averages task scores per stage and skips comments, front matter and accessibility lines', () => {
    const doc = fromMermaid(
      '---\nconfig:\n  theme: dark\n---\n%% a comment\njourney\naccTitle: Shop\naccDescr {\n many\n lines }\nsection A\n  x: 4\n  y: 5\n',
      { ctx: ctx(), filename: 'maps/shop.mmd' },
    );
    expect(doc.map.title).toBe('shop');
    expect(doc.emotions[0]!.score).toBe(1.5);
    expect(doc.personas).toEqual([]);
  });

  it('accepts CRLF line ends and tasks before any section', () => {
    const doc = fromMermaid('journey\r\n  Wake up: 2\r\n  section Work\r\n  Commute: 1: Sam\r\n', {
      ctx: ctx(),
    });
    expect(orderedStages(doc).map((stage) => stage.name)).toEqual(['Journey', 'Work']);
    expect(doc.emotions.map((point) => point.score)).toEqual([-1, -2]);
    expect(doc.map.title).toBe('Imported journey');
  });

  it('reads keywords in any case and treats "#" as the start of a comment, as Mermaid does', () => {
    const doc = fromMermaid('# intro\nJOURNEY\nTitle Trip # draft\nSection Go\n  Walk: 4 # later\n', {
      ctx: ctx(),
    });
    expect(doc.map.title).toBe('Trip');
    expect(actionTexts(doc)).toEqual([['Walk']]);
  });

  it('protects task names that start like a statement, in any case', () => {
    const doc = gridDoc({
      stages: ['A'],
      lanes: [
        {
          kind: 'actions',
          label: 'Do',
          cells: [['Section review', 'TITLE page', 'journey home', 'Account setup']],
        },
      ],
      scores: [0],
    });
    const back = fromMermaid(toMermaid(doc), { ctx: ctx() });
    expect(actionTexts(back)).toEqual([['Section review', 'TITLE page', 'journey home', 'Account setup']]);
    expect(back.stages).toHaveLength(1);
  });

  it('reports every bad line with its line and column', () => {
    const { error, issues } = mermaidError(
      'journey\n  section A\n  Task without score\n  Pay: 9: Me\n  : 3\n  section\n',
    );
    expect(error.code).toBe('INVALID_MERMAID');
    expect(issues.map((issue) => [issue.line, issue.col])).toEqual([
      [3, 3],
      [4, 8],
      [5, 3],
      [6, 3],
    ]);
    expect(issues[1]!.message).toContain('1 to 5');
  });

  it('rejects text that is not a journey diagram', () => {
    expect(mermaidError('').issues[0]).toMatchObject({ line: 1, col: 1 });
    expect(mermaidError('graph TD\n A-->B').issues[0]).toMatchObject({ line: 1, col: 1 });
    expect(mermaidError('\u0000\u0001binary').error.code).toBe('INVALID_MERMAID');
  });
});

const safeText = fc
  .stringMatching(/^[A-Za-z0-9 :#;,.'"<>&!?()-]{1,30}$/)
  .map((text) => text.replace(/\s+/g, ' ').trim())
  .filter((text) => text.length > 0);

describe('Mermaid round trip', () => {
  it('keeps stage names and order, action card texts and order, stage scores and the persona name', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: safeText,
            cards: fc.array(safeText, { maxLength: 4 }),
            score: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        safeText,
        safeText,
        (stages, title, personaName) => {
          const doc = gridDoc({
            title,
            personaName,
            stages: stages.map((stage) => stage.name),
            lanes: [
              { kind: 'actions', label: 'Actions', cells: stages.map((stage) => stage.cards) },
              { kind: 'thoughts', label: 'Thoughts', cells: [['not exported']] },
            ],
            scores: stages.map((stage) => stage.score),
          });
          const back = fromMermaid(toMermaid(doc), { ctx: ctx() });
          expect(validateJourney(back).ok).toBe(true);
          expect(back.map.title).toBe(title);
          expect(orderedStages(back).map((stage) => stage.name)).toEqual(stages.map((stage) => stage.name));
          expect(actionTexts(back)).toEqual(stages.map((stage) => stage.cards));
          // actors live on tasks, so a map without action cards cannot carry its persona
          const hasTasks = stages.some((stage) => stage.cards.length > 0);
          expect(back.personas.map((p) => p.name)).toEqual(hasTasks ? [personaName] : []);
          orderedStages(back).forEach((stage, i) => {
            const point = back.emotions.find((candidate) => candidate.stageId === stage.id);
            const { cards, score } = stages[i]!;
            if (cards.length === 0) expect(point).toBeUndefined();
            else expect(point?.score).toBe(score ?? 0);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('quantizes fractional scores to the nearest Mermaid face', () => {
    const doc = gridDoc({
      stages: ['A', 'B'],
      lanes: [{ kind: 'actions', label: 'Actions', cells: [['a'], ['b']] }],
      scores: [1.4, -1.6],
    });
    const back = fromMermaid(toMermaid(doc), { ctx: ctx() });
    expect(back.emotions.map((point) => point.score)).toEqual([1, -2]);
  });

  it('round-trips every template', () => {
    for (const id of ['ecommerce', 'lifecycle-8', 'onboarding', 'service-blueprint', 'b2b-saas']) {
      const doc = templateExample(id);
      const back = fromMermaid(toMermaid(doc), { ctx: ctx() });
      expect(validateJourney(back).ok, id).toBe(true);
      expect(orderedStages(back).map((s) => s.name)).toEqual(orderedStages(doc).map((s) => s.name));
      expect(actionTexts(back)).toEqual(actionTexts(doc));
    }
  });
});
