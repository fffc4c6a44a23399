import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { renderSvg, type ThemeName } from '../../src/index';
import { svgToPng } from '../../src/node/png';
import { FIXTURE_IDS, GOLDEN_OPTIONS, loadFixture, testPath } from './fixtures';
import { nastyDoc } from './nastyDoc';

export interface GoldenCase {
  name: string;
  render: () => string;
}

const docOf = (fixture: string) => (fixture === 'nasty' ? nastyDoc() : loadFixture(fixture));

const svgCase = (fixture: string, theme: ThemeName): GoldenCase => ({
  name: `${fixture}.${theme}`,
  render: () => renderSvg(docOf(fixture), { ...GOLDEN_OPTIONS, theme }),
});

/** Every SVG golden: each fixture in the light theme, one map in every other theme, the nasty map. */
export const SVG_CASES: GoldenCase[] = [
  ...FIXTURE_IDS.map((id) => svgCase(id, 'light')),
  svgCase('ecommerce', 'dark'),
  svgCase('ecommerce', 'print'),
  svgCase('ecommerce', 'colorblind'),
  svgCase('nasty', 'light'),
];

/** PNG goldens stay small: half scale. */
export const PNG_CASES = [
  { name: 'ecommerce.light', fixture: 'ecommerce', theme: 'light' as ThemeName },
  { name: 'service-blueprint.dark', fixture: 'service-blueprint', theme: 'dark' as ThemeName },
].map((spec) => ({
  name: spec.name,
  render: () =>
    svgToPng(renderSvg(docOf(spec.fixture), { ...GOLDEN_OPTIONS, theme: spec.theme }), { scale: 0.5 }),
}));

export const goldenPath = (name: string, extension: 'svg' | 'png') =>
  testPath(`golden/${name}.golden.${extension}`);

export const readPng = (bytes: Buffer) => PNG.sync.read(bytes);

export const readGolden = (name: string, extension: 'svg' | 'png') =>
  readFileSync(goldenPath(name, extension));
