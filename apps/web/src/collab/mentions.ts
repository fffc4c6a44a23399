import type { Member } from './CollaborationApi';

/** The partial "@name" being typed at the caret, if any. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,40})$/u.exec(before);
  if (!match) return undefined;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members whose name or email starts with (then contains) the query, best first. */
export function suggestMembers(members: readonly Member[], query: string, limit = 6): Member[] {
  const q = query.toLowerCase();
  const score = (member: Member) => {
    const name = member.name.toLowerCase();
    const email = member.email?.toLowerCase() ?? '';
    if (name.startsWith(q) || email.startsWith(q)) return 0;
    if (name.split(/\s+/).some((part) => part.startsWith(q))) return 1;
    if (name.includes(q) || email.includes(q)) return 2;
    return 3;
  };
  return members
    .map((member) => ({ member, rank: score(member) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map((entry) => entry.member);
}

/** Replaces the typed "@que" with "@Full Name " and returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, member: Member) {
  const token = `@${member.name} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}

/** Ids of members mentioned in a comment's text. */
export function mentionedIds(text: string, members: readonly Member[]): string[] {
  return members.filter((member) => text.includes(`@${member.name}`)).map((member) => member.id);
}
