/** Roles in a workspace or on one map, weakest first. */
export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a share link may grant. */
export const SHARE_ROLES = ['viewer', 'commenter'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export const isRole = (value: string): value is Role => value in RANK;

/** True when `role` grants at least what `needed` grants. */
export const atLeast = (role: Role | null | undefined, needed: Role) =>
  role != null && RANK[role] >= RANK[needed];
