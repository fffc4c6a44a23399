/**
 * `@trailmap/sync/server`: Hocuspocus for Trailmap. Hosts import only this entry point; they
 * never import yjs or @hocuspocus themselves.
 */
export * from '../doc/index';
export { CollabServer, type CollabServerOptions } from './CollabServer';
export { Auth, FORBIDDEN, UNAUTHORIZED } from './extensions/Auth';
export { Persistence } from './extensions/Persistence';
export { History } from './extensions/History';
export { Social } from './extensions/Social';
export { SocialGuard, touchedRoots } from './extensions/SocialGuard';
export { SchemaGuard, INVALID_UPDATE, updateIssues } from './extensions/SchemaGuard';
export type {
  CollabAuthCallbacks,
  CollabCredentials,
  CollabIdentity,
  CollabStore,
  StoredUpdate,
  VersionEntry,
  ServerOrigin,
} from './types';
export { memoryCollabStore } from './memoryStore';
export {
  applySocialAction,
  SOCIAL_ACTIONS,
  type SocialActionId,
  type SocialDeps,
  type MentionEvent,
  type SocialRequest,
} from '../social/actions';
export { memoryBallotStore, type BallotStore, type Allocations } from '../social/voting';
export * from '../social/model';
export { canComment, canEdit, type Role } from '../social/roles';
export { journeysEqual } from '../doc/fromYDoc';
export { versionsByAuthor, touchedRecords, type Contribution } from '../doc/contributions';
