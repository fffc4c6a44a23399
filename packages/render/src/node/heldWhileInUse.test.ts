import { describe, expect, it } from 'vitest';
import { heldWhileInUse } from './heldWhileInUse';

describe('heldWhileInUse', () => {
  it('loads each key once while in use, and again after the values were let go', async () => {
    const loads: string[] = [];
    const get = heldWhileInUse((key: string) => {
      loads.push(key);
      return { key };
    }, 30);
    const first = get('a');
    expect(get('a')).toBe(first);
    get('b');
    expect(loads).toEqual(['a', 'b']);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(get('a')).not.toBe(first);
    expect(loads).toEqual(['a', 'b', 'a']);
  });

  it('keeps values while they are asked for within the idle time', async () => {
    let loads = 0;
    const get = heldWhileInUse(() => ++loads, 60);
    for (let i = 0; i < 4; i++) {
      get('x');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(loads).toBe(1);
  });
});
