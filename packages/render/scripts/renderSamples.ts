/**
 * Renders the sample posters the READMEs show (docs/ecommerce.png, docs/service-blueprint.png)
 * from the test fixtures. Run after a deliberate rendering change:
 * `npm run samples -w @trailmap/render`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPng } from '../src/node/index';
import { GOLDEN_OPTIONS, loadFixture } from '../test/support/fixtures';

const SAMPLES = [
  { fixture: 'ecommerce', theme: 'light' },
  { fixture: 'service-blueprint', theme: 'light' },
] as const;

for (const { fixture, theme } of SAMPLES) {
  const target = fileURLToPath(new URL(`../../../docs/${fixture}.png`, import.meta.url));
  writeFileSync(target, await renderPng(loadFixture(fixture), { ...GOLDEN_OPTIONS, theme, scale: 1 }));
  console.log(`wrote ${target}`);
}
