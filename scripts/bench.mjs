#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts with tsx, one after another (benchmarks that share
// two cores with each other measure nothing), and says where each wrote its results.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = 'bench';
const resultsDir = join(benchDir, 'results');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((area) => name.startsWith(`${area}.`)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmarks found in ${benchDir}/${only.length ? ` for ${only.join(', ')}` : ''}`);
  process.exit(1);
}

const failed = [];
const summary = [];
for (const file of files) {
  const area = file.replace(/\.bench\.ts$/, '');
  const result = join(resultsDir, `${area}.json`);
  const before = existsSync(result) ? statSync(result).mtimeMs : 0;
  console.log(`\n=== ${file}`);
  const started = Date.now();
  const run = spawnSync('npx', ['tsx', join(benchDir, file)], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const wrote = existsSync(result) && statSync(result).mtimeMs > before;
  if (run.status !== 0) failed.push(file);
  summary.push(
    `${run.status === 0 ? 'ok  ' : 'FAIL'} ${file} (${seconds} s) → ${wrote ? result : 'no results written'}`,
  );
}

console.log('\n=== benchmark results');
for (const line of summary) console.log(line);
process.exit(failed.length > 0 ? 1 : 0);
