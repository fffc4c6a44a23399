import { describe, expect, it } from 'vitest';
import { TrailmapError } from '@trailmap/schema';
import { describeError, messageForError } from './errorMessages';

describe('error messages', () => {
  it('turns known codes into sentences', () => {
    expect(messageForError('FORBIDDEN')).toMatch(/permission/);
  });
  it('falls back to the server message for unknown codes', () => {
    expect(messageForError('WHATEVER', 'server said no')).toBe('server said no');
  });
  it('reads TrailmapErrors and hides plain errors', () => {
    expect(describeError(new TrailmapError('CARD_NOT_FOUND', 'x')).message).toMatch(/removed/);
    expect(describeError(new Error('SELECT * FROM secrets'))).toEqual({
      code: 'INTERNAL',
      message: expect.not.stringContaining('SELECT'),
    });
  });
});
