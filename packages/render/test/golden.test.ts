import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PNG_CASES, SVG_CASES, goldenPath, readPng } from './support/goldenCases';
import { differingShare } from './support/pixels';

const UPDATE_HINT =
  'if this change is deliberate, run `npm run golden:update -w @trailmap/render` and review the diff';

describe('SVG goldens (byte-for-byte)', () => {
  for (const golden of SVG_CASES) {
    it(golden.name, () => {
      const file = goldenPath(golden.name, 'svg');
      expect(existsSync(file), `missing ${file}; ${UPDATE_HINT}`).toBe(true);
      const actual = golden.render().split('\n');
      const expected = readFileSync(file, 'utf8').split('\n');
      const at = actual.findIndex((line, i) => line !== expected[i]);
      const where =
        at === -1
          ? `length ${actual.length} vs ${expected.length} lines`
          : `line ${at + 1}:\n- ${expected[at]}\n+ ${actual[at]}`;
      expect(
        at === -1 && actual.length === expected.length,
        `${golden.name} differs from its golden at ${where}\n${UPDATE_HINT}`,
      ).toBe(true);
    });
  }
});

describe('PNG goldens (pixel-wise, small tolerance)', () => {
  for (const golden of PNG_CASES) {
    it(golden.name, () => {
      const expected = readPng(readFileSync(goldenPath(golden.name, 'png')));
      const actual = readPng(golden.render());
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      expect(differingShare(actual, expected), UPDATE_HINT).toBeLessThan(0.002);
    });
  }

  it('the pixel comparison notices a changed map', () => {
    const golden = PNG_CASES[0]!;
    const expected = readPng(readFileSync(goldenPath(golden.name, 'png')));
    const other = readPng(PNG_CASES[1]!.render());
    const length = Math.min(expected.data.length, other.data.length);
    expect(
      differingShare({ data: expected.data.subarray(0, length) }, { data: other.data.subarray(0, length) }),
    ).toBeGreaterThan(0.05);
  });
});
