// Property tests over the whole command set: random sequences of commands, with inputs drawn
// from whatever the document holds at that moment, must always leave a valid document.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORDERED_COLLECTIONS, TrailmapError, validateJourney, type Journey } from '@trailmap/schema';
import { applyOps, type Op } from '../ops';
import { compareByIndex } from '../ordering';
import { createFromTemplate, TEMPLATES } from '../templates';
import { fixedContext, sequentialIds } from './context';
import type { CommandContext } from './defineCommand';
import { repairOps } from './doc/repairOps';
import { executeCommand, type CommandCall } from './execute';
import { COMMANDS } from './registry';
import { NOW, sampleJourney } from './testSupport';

/** Random numbers one step draws from; builders turn them into an input for the current doc. */
interface Dice {
  command: number;
  a: number;
  b: number;
  c: number;
  score: number;
  text: string;
  flag: boolean;
}

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];
const idOf = (items: readonly { id: string }[], n: number) => pick(items, n)?.id;
const placementOf = (items: readonly { id: string }[], d: Dice) =>
  d.c % 4 === 0
    ? { position: 'start' as const }
    : d.c % 4 === 1
      ? { after: idOf(items, d.b) }
      : d.c % 4 === 2
        ? { before: idOf(items, d.b) }
        : {};
const label = (d: Dice) => d.text.trim().slice(0, 40) || 'x';
const cardTarget = (doc: Journey, d: Dice) =>
  pick([...doc.cards, ...doc.emotions, ...doc.opportunities], d.a)?.id;

type Builder = (doc: Journey, d: Dice) => unknown;

/** One input builder per command id; `undefined` means "nothing to do in this document". */
const BUILDERS: Record<string, Builder> = {
  'map.update': (doc, d) =>
    d.flag ? { title: label(d), scenario: d.text } : { personaId: idOf(doc.personas, d.a) ?? null },
  'persona.add': (_, d) => ({ name: label(d), makePrimary: d.flag }),
  'persona.update': (doc, d) => ({ id: idOf(doc.personas, d.a), role: d.flag ? null : label(d) }),
  'persona.remove': (doc, d) => ({ id: idOf(doc.personas, d.a) }),
  'persona.set-primary': (doc, d) => ({ id: d.flag ? null : idOf(doc.personas, d.a) }),
  'stage.add': (doc, d) => ({ name: label(d), ...placementOf(doc.stages, d) }),
  'stage.update': (doc, d) => ({ id: idOf(doc.stages, d.a), name: label(d), goal: d.flag ? null : d.text }),
  'stage.move': (doc, d) => ({ id: idOf(doc.stages, d.a), ...placementOf(doc.stages, d) }),
  'stage.remove': (doc, d) => (doc.stages.length > 1 ? { id: idOf(doc.stages, d.a) } : undefined),
  'step.add': (doc, d) => ({ stageId: idOf(doc.stages, d.a), name: label(d), ...placementOf(doc.steps, d) }),
  'step.update': (doc, d) => ({ id: idOf(doc.steps, d.a), name: label(d) }),
  'step.move': (doc, d) => ({
    id: idOf(doc.steps, d.a),
    stageId: d.flag ? idOf(doc.stages, d.b) : undefined,
    ...placementOf(doc.steps, d),
  }),
  'step.remove': (doc, d) => ({ id: idOf(doc.steps, d.a) }),
  'lane.add': (doc, d) => ({
    kind: d.flag ? 'actions' : 'backstage',
    label: label(d),
    lineAbove: d.b % 3 === 0 ? 'visibility' : undefined,
  }),
  'lane.update': (doc, d) => ({
    id: idOf(doc.lanes, d.a),
    lineAbove: d.flag ? 'interaction' : null,
    collapsed: d.flag,
  }),
  'lane.move': (doc, d) => ({ id: idOf(doc.lanes, d.a), ...placementOf(doc.lanes, d) }),
  'lane.remove': (doc, d) => (doc.lanes.length > 1 ? { id: idOf(doc.lanes, d.a) } : undefined),
  'card.add': (doc, d) => {
    const step = d.flag ? pick(doc.steps, d.b) : undefined;
    const stageId = step?.stageId ?? idOf(doc.stages, d.b);
    return {
      laneId: idOf(doc.lanes, d.a),
      stageId,
      stepId: step?.id,
      text: d.text,
      ...placementOf(doc.cards, d),
    };
  },
  'card.update': (doc, d) => ({ id: idOf(doc.cards, d.a), text: d.text, color: d.flag ? 'red' : null }),
  'card.move': (doc, d) => {
    const step = d.flag ? pick(doc.steps, d.b) : undefined;
    return {
      id: idOf(doc.cards, d.a),
      laneId: idOf(doc.lanes, d.c),
      stageId: step?.stageId ?? idOf(doc.stages, d.b),
      stepId: step?.id ?? null,
      ...placementOf(doc.cards, d),
    };
  },
  'card.remove': (doc, d) => ({ id: idOf(doc.cards, d.a) }),
  'card.duplicate': (doc, d) => ({ id: idOf(doc.cards, d.a) }),
  'cards.remove': (doc, d) =>
    doc.cards.length === 0 ? undefined : { ids: [idOf(doc.cards, d.a), idOf(doc.cards, d.b)] },
  'cards.paste': (doc, d) =>
    doc.cards.length === 0
      ? undefined
      : {
          cards: doc.cards.slice(0, 1 + (d.c % 3)),
          laneId: idOf(doc.lanes, d.a),
          stageId: idOf(doc.stages, d.b),
        },
  'emotion.set': (doc, d) => {
    const step = d.flag ? pick(doc.steps, d.b) : undefined;
    return {
      stageId: step?.stageId ?? idOf(doc.stages, d.a),
      stepId: step?.id,
      score: d.score,
      emoji: d.flag ? '🙂' : null,
    };
  },
  'emotion.clear': (doc, d) =>
    pick(doc.emotions, d.a) && {
      stageId: pick(doc.emotions, d.a)!.stageId,
      stepId: pick(doc.emotions, d.a)!.stepId,
    },
  'connection.add': (doc, d) => ({
    fromCardId: idOf(doc.cards, d.a),
    toCardId: idOf(doc.cards, d.b),
    kind: d.flag ? 'direct' : 'bidirectional',
  }),
  'connection.update': (doc, d) => ({ id: idOf(doc.connections, d.a), label: d.flag ? label(d) : null }),
  'connection.remove': (doc, d) => ({ id: idOf(doc.connections, d.a) }),
  'opportunity.add': (doc, d) => ({
    stageId: idOf(doc.stages, d.a),
    title: label(d),
    problemCardIds: doc.cards.length ? [idOf(doc.cards, d.b)] : [],
  }),
  'opportunity.update': (doc, d) => ({
    id: idOf(doc.opportunities, d.a),
    owner: d.flag ? label(d) : null,
    status: 'planned',
  }),
  'opportunity.move': (doc, d) => ({
    id: idOf(doc.opportunities, d.a),
    stageId: idOf(doc.stages, d.b),
    ...placementOf(doc.opportunities, d),
  }),
  'opportunity.remove': (doc, d) => ({ id: idOf(doc.opportunities, d.a) }),
  'opportunity.vote': (doc, d) => ({ id: idOf(doc.opportunities, d.a), delta: d.flag ? 1 : -3 }),
  'opportunity.link-problem': (doc, d) => ({
    id: idOf(doc.opportunities, d.a),
    cardId: idOf(doc.cards, d.b),
  }),
  'opportunity.unlink-problem': (doc, d) => {
    const opportunity = pick(doc.opportunities, d.a);
    return (
      opportunity && { id: opportunity.id, cardId: pick(opportunity.problemCardIds, d.b) ?? 'card:none' }
    );
  },
  'evidence.add': (doc, d) => ({
    source: d.flag ? 'interview' : 'assumption',
    quote: d.text,
    linkTo: d.c % 2 ? cardTarget(doc, d) : undefined,
  }),
  'evidence.update': (doc, d) => ({ id: idOf(doc.evidence, d.a), confidence: 'low' }),
  'evidence.remove': (doc, d) => ({ id: idOf(doc.evidence, d.a) }),
  'evidence.restore': (doc, d) => ({ id: idOf(doc.evidence, d.a) }),
  'evidence.link': (doc, d) => ({ evidenceId: idOf(doc.evidence, d.a), targetId: cardTarget(doc, d) }),
  'evidence.unlink': (doc, d) => {
    const citing = [...doc.cards, ...doc.emotions, ...doc.opportunities].filter(
      (record) => record.evidenceIds.length > 0,
    );
    const target = pick(citing, d.a);
    return target && { evidenceId: pick(target.evidenceIds, d.b), targetId: target.id };
  },
  'binding.set': (doc, d) => ({
    targetId: idOf(d.flag ? doc.stages : doc.cards, d.a),
    rule: { activities: [label(d)] },
  }),
  'binding.remove': (doc, d) => ({ id: idOf(doc.metricBindings, d.a) }),
  'doc.compact': (_, d) => ({ olderThanDays: d.c % 400 }),
  'doc.repair': () => ({}),
  'doc.replace': (doc, d) =>
    d.flag ? { document: sampleJourney() } : { document: { ...doc, map: { ...doc.map, title: label(d) } } },
  'stage.duplicate': (doc, d) => ({ id: idOf(doc.stages, d.a) }),
  'cards.move': (doc, d) =>
    doc.cards.length === 0
      ? undefined
      : {
          ids: [idOf(doc.cards, d.a), idOf(doc.cards, d.c)],
          laneId: idOf(doc.lanes, d.b),
          stageId: idOf(doc.stages, d.c),
          ...placementOf(doc.cards, d),
        },
};

/** Failures a valid input may still meet (e.g. connecting two already-connected cards). */
const EXPECTED_CODES = new Set(['CONNECTION_EXISTS', 'SELF_REFERENCE', 'EVIDENCE_DELETED', 'LIMIT_REACHED']);

const dice = fc.record({
  command: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  score: fc.constantFrom(-2, -1.5, -1, 0, 0.5, 1, 2),
  text: fc.string({ maxLength: 30 }),
  flag: fc.boolean(),
});

function callFor(doc: Journey, d: Dice): CommandCall | undefined {
  const command = COMMANDS[d.command % COMMANDS.length]!;
  const input = BUILDERS[command.id]!(doc, d);
  if (input === undefined || hasMissingId(input)) return undefined;
  return { command: command.id, input };
}

/** Builders leave an id undefined when the document has no such record yet. */
const hasMissingId = (input: unknown) =>
  Object.entries(input as Record<string, unknown>).some(
    ([key, value]) => value === undefined && /(^id$|Id$)/.test(key) && !['stepId', 'personaId'].includes(key),
  );

/** Commands that changed a document at least once during the run (guards against a vacuous test). */
const applied = new Set<string>();

/** Applies a call; expected refusals leave the document unchanged, anything else fails the test. */
function step(doc: Journey, call: CommandCall, ctx: CommandContext): { doc: Journey; ops: Op[] } {
  try {
    const result = executeCommand(doc, call, ctx);
    if (result.ops.length > 0) applied.add(call.command);
    return result;
  } catch (error) {
    if (error instanceof TrailmapError && (EXPECTED_CODES.has(error.code) || error.status === 404))
      return { doc, ops: [] };
    throw new Error(`${call.command} ${JSON.stringify(call.input)} failed: ${String(error)}`, {
      cause: error,
    });
  }
}

function expectValid(doc: Journey, context: string) {
  const result = validateJourney(doc);
  if (!result.ok) throw new Error(`${context}: ${JSON.stringify(result.issues.slice(0, 3))}`);
}

/** Within one parent, siblings never share a key, so display order never depends on ids. */
function expectDistinctKeys(doc: Journey) {
  const parentOf: Record<(typeof ORDERED_COLLECTIONS)[number], (record: Record<string, unknown>) => string> =
    {
      stages: () => '',
      lanes: () => '',
      steps: (record) => String(record.stageId),
      cards: (record) => `${String(record.laneId)}|${String(record.stageId)}|${String(record.stepId)}`,
      opportunities: (record) => String(record.stageId),
    };
  for (const collection of ORDERED_COLLECTIONS) {
    const seen = new Set<string>();
    for (const record of doc[collection]) {
      const key = `${parentOf[collection](record)}#${record.index}`;
      expect(seen.has(key), `${collection} ${record.id} reuses index ${record.index}`).toBe(false);
      seen.add(key);
    }
    const sorted = [...doc[collection]].sort(compareByIndex);
    for (let i = 1; i < sorted.length; i += 1) expect(compareByIndex(sorted[i - 1]!, sorted[i]!)).toBe(-1);
  }
}

describe('random command sequences', () => {
  it('every builder matches a registered command', () => {
    expect(Object.keys(BUILDERS).sort()).toEqual(COMMANDS.map((command) => command.id).sort());
  });

  /** Random sequences of commands from `sampleJourney`; checked after every step. */
  const sequences = (parameters: fc.Parameters<[Dice[]]>, start: () => Journey = sampleJourney) =>
    fc.assert(
      fc.property(fc.array(dice, { minLength: 1, maxLength: 60 }), (rolls) => {
        const ctx: CommandContext = { newId: sequentialIds('p'), now: () => NOW };
        let doc = start();
        for (const roll of rolls) {
          const call = callFor(doc, roll);
          if (!call) continue;
          doc = step(doc, call, ctx).doc;
          expectValid(doc, `after ${call.command} ${JSON.stringify(call.input)}`);
        }
        expectDistinctKeys(doc);
      }),
      parameters,
    );

  it('always leave a valid document with a total order', () => {
    sequences({ numRuns: 150 });
  });

  it.each(TEMPLATES.map((template) => template.id))('stay valid on the %s template', (templateId) => {
    const template = createFromTemplate(templateId, { ctx: fixedContext(NOW, 'tpl') });
    sequences({ numRuns: 25 }, () => template);
  });

  it('exercise every command (fixed seed, so this check is stable)', () => {
    applied.clear();
    sequences({ numRuns: 150, seed: 20261123 });
    const neverApplied = COMMANDS.map((command) => command.id).filter((id) => !applied.has(id));
    // doc.repair has nothing to do on documents that only commands produced.
    expect(neverApplied).toEqual(['doc.repair']);
  });

  it('merging two peers’ ops and repairing always yields a valid document', () => {
    fc.assert(
      fc.property(fc.array(dice, { maxLength: 25 }), fc.array(dice, { maxLength: 25 }), (left, right) => {
        const base = sampleJourney();
        const peerOps = (rolls: Dice[], seed: string) => {
          const ctx: CommandContext = { newId: sequentialIds(seed), now: () => NOW };
          let doc = base;
          const ops: Op[] = [];
          for (const roll of rolls) {
            const call = callFor(doc, roll);
            if (!call) continue;
            const result = step(doc, call, ctx);
            doc = result.doc;
            ops.push(...result.ops);
          }
          return ops;
        };
        const merged = applyOps(base, [...peerOps(left, 'l'), ...peerOps(right, 'r')]);
        const repaired = applyOps(merged, repairOps(merged));
        expectValid(repaired, 'after merge + repair');
      }),
      { numRuns: 150 },
    );
  });
});
