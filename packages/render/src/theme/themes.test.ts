import { describe, expect, it } from 'vitest';
import { THEME_NAMES, getTheme } from './themes';

const colorsOf = (name: (typeof THEME_NAMES)[number]) =>
  Object.values(getTheme(name).paints).flatMap((paint) =>
    [paint.fill, paint.stroke].filter((c): c is string => !!c),
  );

describe('themes', () => {
  it('defines every paint with valid hex colors in every theme', () => {
    for (const name of THEME_NAMES) {
      for (const color of colorsOf(name)) expect(color, `${name}: ${color}`).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('print is grayscale', () => {
    for (const color of colorsOf('print')) {
      const [r, g, b] = [1, 3, 5].map((at) => color.slice(at, at + 2));
      expect(r === g && g === b, color).toBe(true);
    }
  });

  it('colorblind separates the ends of the emotion scale by the Okabe-Ito blue and vermillion', () => {
    const { paints } = getTheme('colorblind');
    expect(paints['emotion.m2'].fill).toBe('#d55e00');
    expect(paints['emotion.p2'].fill).toBe('#0072b2');
  });
});
