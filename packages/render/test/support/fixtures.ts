import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseJourneyText } from '@trailmap/core';
import type { Journey } from '@trailmap/schema';

export const FIXTURE_IDS = [
  'ecommerce',
  'service-blueprint',
  'onboarding',
  'lifecycle-8',
  'future-state',
  'blank',
] as const;

export const testPath = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

/** A fixture map from test/fixtures (snapshots of templates, so template edits do not move goldens). */
export function loadFixture(id: string): Journey {
  const file = testPath(`fixtures/${id}.journey.yaml`);
  const result = parseJourneyText(readFileSync(file, 'utf8'), { filename: file });
  if (!result.ok) throw new Error(`fixture ${id} is invalid: ${JSON.stringify(result.issues)}`);
  return result.doc;
}

/** Options every golden uses: version and date are fixed, never the clock. */
export const GOLDEN_OPTIONS = { version: 'v7', date: '2026-11-23' } as const;
