#!/usr/bin/env node
// Runs every test suite (vitest unit/integration, then Playwright end-to-end when present) and
// ends with the one line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'trailmap-test-'));
const extraArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A file that failed to import has no assertion results but must still count as a failure.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.stats?.expected ?? 0;
  failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  for (const error of report.errors ?? []) if (error) failed += 1;
  return true;
}

const vitestJson = join(dir, 'vitest.json');
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`, ...extraArgs],
  { stdio: 'inherit' },
);
if (!countVitest(vitestJson)) failed += 1;

const e2eConfig = 'apps/web/playwright.config.ts';
if (existsSync(e2eConfig) && extraArgs.length === 0 && process.env.TRAILMAP_SKIP_E2E !== '1') {
  const playwrightJson = join(dir, 'playwright.json');
  spawnSync('npx', ['playwright', 'test', '-c', e2eConfig, '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
  if (!countPlaywright(playwrightJson)) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
