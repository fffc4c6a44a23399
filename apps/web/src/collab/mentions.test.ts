import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt, mentionedIds, suggestMembers } from './mentions';

const members = [
  { id: 'u1', name: 'Ana Lima', email: 'ana@example.com' },
  { id: 'u2', name: 'Ben Okafor' },
  { id: 'u3', name: 'Liam Ng' },
];

describe('mentions', () => {
  it('finds the mention being typed', () => {
    expect(mentionQueryAt('hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionQueryAt('mail a@b', 8)).toBeUndefined();
    expect(mentionQueryAt('no mention', 10)).toBeUndefined();
  });

  it('ranks prefix matches first', () => {
    expect(suggestMembers(members, 'li').map((member) => member.id)).toEqual(['u3', 'u1']);
    expect(suggestMembers(members, 'zz')).toEqual([]);
  });

  it('inserts and recognises mentions', () => {
    const { text, caret } = insertMention('ask @be now', 4, 7, members[1]!);
    expect(text).toBe('ask @Ben Okafor  now');
    expect(caret).toBe(16);
    expect(mentionedIds(text, members)).toEqual(['u2']);
  });
});
