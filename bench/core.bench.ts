// Journey document speed: validate (migrate + shape + references) and canonicalize a 5,000-card
// map, the work behind every `trailmap validate`/`fmt` and every file save. Writes
// bench/results/core.json. Run: npx tsx bench/core.bench.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalize, parseJourneyText, toCanonicalJson, toYaml } from '@trailmap/core';
import { LANE_KINDS, validateJourney, type Journey } from '@trailmap/schema';

const CARDS = 5000;
const STAGES = 10;
const LANES = 10;
const RUNS = 15;
const TARGET_MS = 100;

/** A realistic large map: 10 stages × 10 lanes, 50 cards per cell, emotions, opportunities, evidence. */
function buildDocument(): unknown {
  const key = (i: number) => `a${i.toString(36).padStart(4, '0')}`;
  const stages = Array.from({ length: STAGES }, (_, i) => ({
    id: `stage:s${i}`,
    index: key(i),
    name: `Stage ${i}`,
    goal: 'Move the customer forward',
  }));
  const lanes = Array.from({ length: LANES }, (_, i) => ({
    id: `lane:l${i}`,
    index: key(i),
    kind: LANE_KINDS[i % LANE_KINDS.length],
    label: `Lane ${i}`,
  }));
  const evidence = Array.from({ length: 50 }, (_, i) => ({
    id: `evidence:e${i}`,
    source: 'interview',
    title: `Interview ${i}`,
    date: '2026-10-01',
  }));
  // Cards are stored shuffled (as a live editor appends them) so canonicalize has real sorting to do.
  const cards = Array.from({ length: CARDS }, (_, i) => {
    const n = (i * 7919) % CARDS;
    return {
      id: `card:c${n}`,
      laneId: `lane:l${n % LANES}`,
      stageId: `stage:s${Math.floor(n / LANES) % STAGES}`,
      index: key(n),
      text: `Card ${n}: the customer compares delivery options and hesitates over the fee`,
      tags: n % 3 === 0 ? ['checkout', 'mobile'] : [],
      priority: n % 5 === 0 ? 'high' : undefined,
      evidenceIds: n % 10 === 0 ? [`evidence:e${n % 50}`] : [],
    };
  });
  const emotions = stages.map((stage, i) => ({ id: `emotion:m${i}`, stageId: stage.id, score: (i % 5) - 2 }));
  const opportunities = Array.from({ length: 100 }, (_, i) => ({
    id: `opp:o${i}`,
    stageId: `stage:s${i % STAGES}`,
    index: key(i),
    title: `Opportunity ${i}`,
    problemCardIds: [`card:c${i * 7}`],
    owner: 'Team',
    votes: i % 9,
  }));
  return {
    schemaVersion: 2,
    map: { id: 'map:bench', title: 'Large benchmark map', type: 'current-state' },
    stages,
    lanes,
    cards,
    emotions,
    opportunities,
    evidence,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Measurement {
  /** Wall-clock time. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** CPU time of this process (user + system): robust when other work shares the cores. */
  cpuMedianMs: number;
}

function measure(run: () => unknown): Measurement {
  run(); // warm-up (JIT, zod schema compilation)
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    medianMs: round(median(wall)),
    minMs: round(Math.min(...wall)),
    maxMs: round(Math.max(...wall)),
    cpuMedianMs: round(median(cpu)),
  };
}

const raw = buildDocument();
const validated = validateJourney(raw);
if (!validated.ok)
  throw new Error(`benchmark document is invalid: ${JSON.stringify(validated.issues.slice(0, 3))}`);
const doc: Journey = validated.value;
const json = toCanonicalJson(doc);

const validate = measure(() => validateJourney(raw));
const canonical = measure(() => canonicalize(doc));
const validateAndCanonicalize = measure(() => {
  const result = validateJourney(raw);
  if (!result.ok) throw new Error('invalid');
  return canonicalize(result.value);
});
const validateCanonicalizeSerialize = measure(() => {
  const result = validateJourney(raw);
  if (!result.ok) throw new Error('invalid');
  return toCanonicalJson(result.value);
});
const parseText = measure(() => parseJourneyText(json, { format: 'json' }));
const yaml = measure(() => toYaml(doc));

/**
 * Judged on the median CPU time of this process, which stays meaningful when other processes
 * load the machine; wall time is reported next to it (equal on an idle machine).
 */
const targetFor = (name: string, measurement: Measurement) => ({
  name: `${name} (median CPU time per document)`,
  targetMs: TARGET_MS,
  measuredMs: measurement.cpuMedianMs,
  wallMedianMs: measurement.medianMs,
  met: measurement.cpuMedianMs < TARGET_MS,
});

const results = {
  benchmark: 'core',
  description:
    'validate (migrate + zod shape + referential integrity) and canonicalize a 5,000-card journey document',
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  document: {
    cards: CARDS,
    stages: STAGES,
    lanes: LANES,
    opportunities: 100,
    evidence: 50,
    canonicalJsonBytes: Buffer.byteLength(json),
  },
  runs: RUNS,
  results: {
    validate: validate,
    canonicalize: canonical,
    validateAndCanonicalize: validateAndCanonicalize,
    validateCanonicalizeAndSerializeJson: validateCanonicalizeSerialize,
    parseJourneyTextJson: parseText,
    toYaml: yaml,
  },
  targets: [
    targetFor('validate + canonicalize of a 5,000-card document', validateAndCanonicalize),
    targetFor('validate + canonicalize + canonical JSON text', validateCanonicalizeSerialize),
  ],
};

const target = join(dirname(fileURLToPath(import.meta.url)), 'results', 'core.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(results, null, 2)}\n`);
for (const [name, value] of Object.entries(results.results))
  console.log(`${name.padEnd(40)} median ${value.cpuMedianMs} ms CPU, ${value.medianMs} ms wall`);
for (const goal of results.targets)
  console.log(
    `${goal.met ? 'MET ' : 'MISS'} ${goal.name}: ${goal.measuredMs} ms (target < ${goal.targetMs} ms)`,
  );
console.log(`wrote ${target}`);
