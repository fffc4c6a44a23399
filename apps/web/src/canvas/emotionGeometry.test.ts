import { describe, expect, it } from 'vitest';
import { emojiFor, scoreToY, smoothPath, yToScore } from './emotionGeometry';

describe('emotion geometry', () => {
  it('maps scores to heights and back', () => {
    for (const score of [-2, -1, 0, 0.5, 2]) expect(yToScore(scoreToY(score, 148), 148)).toBe(score);
    expect(scoreToY(2, 148)).toBeLessThan(scoreToY(-2, 148));
  });
  it('clamps drags beyond the lane', () => {
    expect(yToScore(-500, 148)).toBe(2);
    expect(yToScore(900, 148)).toBe(-2);
  });
  it('picks faces and draws through every point', () => {
    expect(emojiFor(-2)).toBe('😣');
    expect(emojiFor(2)).toBe('😄');
    const path = smoothPath([
      { x: 0, y: 10 },
      { x: 10, y: 20 },
      { x: 20, y: 5 },
    ]);
    expect(path.startsWith('M0,10')).toBe(true);
    expect(path.endsWith('20,5')).toBe(true);
  });
});
