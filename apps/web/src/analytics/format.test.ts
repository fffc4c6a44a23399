import { describe, expect, it } from 'vitest';
import { formatSeconds, percent } from './format';

describe('analytics formatting', () => {
  it('formats shares as percentages', () => {
    expect(percent(0.75)).toBe('75%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(0)).toBe('0%');
  });

  it('formats durations with the two largest units', () => {
    expect(formatSeconds(null)).toBe('–');
    expect(formatSeconds(0)).toBe('0s');
    expect(formatSeconds(45)).toBe('45s');
    expect(formatSeconds(120)).toBe('2m');
    expect(formatSeconds(125)).toBe('2m 5s');
    expect(formatSeconds(3 * 3600 + 20 * 60 + 7)).toBe('3h 20m');
    expect(formatSeconds(86_400 + 59)).toBe('1d');
  });
});
