/**
 * Rewrites the golden files under test/golden from the current renderer. Run it only when a
 * rendering change is deliberate, then look at the diff (and the PNGs) before committing:
 * `npm run golden:update -w @trailmap/render`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG_CASES, SVG_CASES, goldenPath } from '../test/support/goldenCases';

for (const golden of SVG_CASES) {
  const target = goldenPath(golden.name, 'svg');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, golden.render());
  console.log(`wrote ${target}`);
}
for (const golden of PNG_CASES) {
  const target = goldenPath(golden.name, 'png');
  writeFileSync(target, golden.render());
  console.log(`wrote ${target}`);
}
