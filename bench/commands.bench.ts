// Command speed: how long one edit takes through `executeCommand` (validate input, run, apply ops)
// on large maps, since the web runs a command per keystroke or drag step and the server one per
// API call. Writes bench/results/commands.json. Run: npx tsx bench/commands.bench.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeCommand, keysAfter, sequentialIds, type CommandCall } from '@trailmap/core';
import { LANE_KINDS, type Journey } from '@trailmap/schema';

const SIZES = [5000, 19000];
const RUNS = 101;
const TARGET_MS = 5;

function buildDocument(cards: number): Journey {
  const stageKeys = keysAfter(null, 10);
  const cardKeys = keysAfter(null, Math.ceil(cards / 100));
  return {
    schemaVersion: 2,
    map: { id: 'map:bench', title: 'Bench', type: 'current-state', expectations: [], tags: [] },
    personas: [],
    stages: stageKeys.map((index, i) => ({ id: `stage:s${i}`, index, name: `Stage ${i}` })),
    steps: [],
    lanes: stageKeys.map((index, i) => ({
      id: `lane:l${i}`,
      index,
      kind: LANE_KINDS[i]!,
      label: `Lane ${i}`,
    })),
    cards: Array.from({ length: cards }, (_, i) => ({
      id: `card:c${i}`,
      laneId: `lane:l${i % 10}`,
      stageId: `stage:s${Math.floor(i / 10) % 10}`,
      index: cardKeys[Math.floor(i / 100)]!,
      text: `Card ${i}: the customer compares delivery options`,
      tags: [],
      evidenceIds: [],
    })),
    emotions: stageKeys.map((_, i) => ({
      id: `emotion:e${i}`,
      stageId: `stage:s${i}`,
      score: 0,
      evidenceIds: [],
    })),
    connections: Array.from({ length: 200 }, (_, i) => ({
      id: `conn:k${i}`,
      fromCardId: `card:c${i}`,
      toCardId: `card:c${i + 1}`,
      kind: 'direct' as const,
    })),
    opportunities: Array.from({ length: 100 }, (_, i) => ({
      id: `opp:o${i}`,
      stageId: `stage:s${i % 10}`,
      index: cardKeys[i % cardKeys.length]!,
      title: `Opportunity ${i}`,
      problemCardIds: [`card:c${i * 3}`],
      status: 'idea' as const,
      votes: 0,
      tags: [],
      evidenceIds: [],
    })),
    evidence: [],
    metricBindings: [],
  };
}

const CALLS: Record<string, CommandCall> = {
  'card.update (typing)': { command: 'card.update', input: { id: 'card:c42', text: 'Edited text' } },
  'card.add': {
    command: 'card.add',
    input: { laneId: 'lane:l3', stageId: 'stage:s4', text: 'New', after: 'card:c43' },
  },
  'card.move (drop in other cell)': {
    command: 'card.move',
    input: { id: 'card:c42', laneId: 'lane:l1', stageId: 'stage:s1', position: 'start' },
  },
  'emotion.set (drag)': { command: 'emotion.set', input: { stageId: 'stage:s3', score: 1.5 } },
  'card.remove (cascade)': { command: 'card.remove', input: { id: 'card:c3' } },
  'stage.remove (cascade)': { command: 'stage.remove', input: { id: 'stage:s2' } },
  'cards.paste (50 cards)': {
    command: 'cards.paste',
    input: {
      cards: Array.from({ length: 50 }, (_, i) => ({ text: `Pasted ${i}` })),
      laneId: 'lane:l2',
      stageId: 'stage:s2',
    },
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const WARMUP = 10;

/** Wall and CPU time per call; CPU time is the fairer number on a machine shared with other work. */
function measure(doc: Journey, call: CommandCall) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const ctx = { newId: sequentialIds(`b${run}x`), now: () => '2026-11-23T12:00:00.000Z' };
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    executeCommand(doc, call, ctx);
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpuStart);
    if (run < WARMUP) continue;
    wall.push(elapsed);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    medianMs: Number(median(wall).toFixed(3)),
    cpuMedianMs: Number(median(cpu).toFixed(3)),
    maxMs: Number(Math.max(...wall).toFixed(3)),
  };
}

type Timing = ReturnType<typeof measure> & { targetMet: boolean };
const results: Record<string, Record<string, Timing>> = {};
for (const size of SIZES) {
  const doc = buildDocument(size);
  const bySize: (typeof results)[string] = {};
  for (const [name, call] of Object.entries(CALLS)) {
    const timing = measure(doc, call);
    bySize[name] = { ...timing, targetMet: size > 5000 || timing.cpuMedianMs <= TARGET_MS };
    console.log(
      `${String(size).padStart(6)} cards  ${name.padEnd(32)} median ${timing.medianMs} ms, CPU ${timing.cpuMedianMs} ms`,
    );
  }
  results[`${size} cards`] = bySize;
}

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'results', 'commands.json');
mkdirSync(dirname(out), { recursive: true });
const allMet = Object.values(results['5000 cards']!).every((result) => result.targetMet);
writeFileSync(
  out,
  `${JSON.stringify(
    {
      benchmark: 'commands',
      description:
        'executeCommand (input validation + run + applyOps) on maps of 5,000 and 19,000 cards (the limit is 20,000)',
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        loadAverage1m: loadavg()[0],
        node: process.version,
      },
      runs: RUNS,
      target: `median CPU time ≤ ${TARGET_MS} ms per command at 5,000 cards (19,000 cards is reported, not targeted)`,
      targetMet: allMet,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${out} (target ${allMet ? 'met' : 'NOT met'})`);
