/** What people read when the app or the server refuses something, by stable error code. */
const MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'Your session has ended. Sign in again to keep editing.',
  FORBIDDEN: 'You do not have permission to do that on this map.',
  CSRF_INVALID: 'Your session needs a refresh. Reload the page and try again.',
  RATE_LIMITED: 'Too many changes at once. Wait a moment and try again.',
  TOO_LARGE: 'That is too large for one map.',
  VALIDATION_FAILED: 'Some of the values are not valid.',
  INVALID_COMMAND_INPUT: 'Some of the values are not valid.',
  UNKNOWN_COMMAND: 'This action is not available yet on this server.',
  MAP_NOT_FOUND: 'This map no longer exists, or it was not shared with you.',
  STAGE_NOT_FOUND: 'That stage was removed by someone else.',
  LANE_NOT_FOUND: 'That lane was removed by someone else.',
  CARD_NOT_FOUND: 'That card was removed by someone else.',
  STEP_NOT_FOUND: 'That step was removed by someone else.',
  VERSION_CONFLICT: 'Someone else changed this map. Your view was refreshed; try again.',
  PRECONDITION_FAILED: 'Someone else changed this map. Your view was refreshed; try again.',
  SCHEMA_TOO_NEW: 'This map was saved by a newer Trailmap. Ask your admin to upgrade.',
  EMAIL_TAKEN: 'An account with this email already exists. Sign in instead.',
  INVALID_CREDENTIALS: 'That email and password do not match.',
  SHARE_LINK_EXPIRED: 'This share link has expired. Ask the owner for a new one.',
  SHARE_LINK_NOT_FOUND: 'This share link was revoked, has expired, or never existed.',
  SHARE_LINK_REVOKED: 'This share link was revoked.',
  NETWORK_ERROR: 'Cannot reach the server. Your changes will be sent when you are back online.',
  INTERNAL: 'Something went wrong on the server. Try again in a moment.',
};

/** A human sentence for an error code; falls back to the server's own message. */
export function messageForError(code: string, fallback?: string): string {
  return MESSAGES[code] ?? fallback ?? 'Something went wrong. Try again.';
}

/** Reads `{ code, message }` from anything thrown: TrailmapError, ApiError or a plain Error. */
export function describeError(error: unknown): { code: string; message: string } {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    const raw = 'message' in error && typeof error.message === 'string' ? error.message : undefined;
    return { code: error.code, message: messageForError(error.code, raw) };
  }
  return { code: 'INTERNAL', message: messageForError('INTERNAL') };
}
