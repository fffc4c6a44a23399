/**
 * `@trailmap/sync/client`: the journey document as Yjs, commands as transactions with per-user
 * undo, presence, and the live connection. No server code is reachable from here.
 */
export * from '../doc/index';
export { JourneySession, UNTRACKED_ORIGIN } from './JourneySession';
export { liveContext, randomIdBody } from './context';
export { colorForUser, readPeers, setPresence, type Peer, type Presence } from './presence';
export { SocialClient } from './SocialClient';
export { connectJourney, INVALID_UPDATE_CODE, type ConnectOptions, type LiveJourney } from './connect';
export {
  readThreads,
  readVoteSessions,
  rankVotes,
  commentToHtml,
  escapeHtml,
  SOCIAL_KEYS,
  type Actor,
  type Anchor,
  type Comment,
  type Mention,
  type Thread,
  type ThreadView,
  type VoteSession,
} from '../social/model';
export { canComment, canEdit, type Role } from '../social/roles';
