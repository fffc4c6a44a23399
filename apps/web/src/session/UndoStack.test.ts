import { describe, expect, it } from 'vitest';
import { UndoStack } from './UndoStack';

describe('undo stack', () => {
  it('makes one step per recorded change and redoes it', () => {
    const stack = new UndoStack<string>();
    stack.push('a', 'record', 'x');
    stack.push('b', 'record', 'x');
    expect(stack.undo('c')).toBe('b');
    expect(stack.undo('b')).toBe('a');
    expect(stack.undo('a')).toBeUndefined();
    expect(stack.redo('a')).toBe('b');
  });

  it('merges a gesture until capturing stops, and never records skips', () => {
    const stack = new UndoStack<string>();
    stack.push('a', 'merge', 'card.update:1');
    stack.push('ab', 'merge', 'card.update:1');
    stack.push('abc', 'skip', 'import');
    stack.stopCapturing();
    stack.push('abcd', 'merge', 'card.update:1');
    expect(stack.undo('abcde')).toBe('abcd');
    expect(stack.undo('abcd')).toBe('a');
    expect(stack.canUndo()).toBe(false);
  });

  it('drops the redo branch after a new change', () => {
    const stack = new UndoStack<string>();
    stack.push('a', 'record', 'x');
    stack.undo('b');
    stack.push('a', 'record', 'y');
    expect(stack.canRedo()).toBe(false);
  });
});
