/** A member's role on a map, as the app resolves it (workspace membership or share link). */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';

/** May change the journey content (cards, stages, ...). */
export const canEdit = (role: Role): boolean => role === 'owner' || role === 'editor';
/** May write comments and cast votes. */
export const canComment = (role: Role): boolean => role !== 'viewer';
