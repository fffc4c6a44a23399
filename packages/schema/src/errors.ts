/** One problem found in user input, located by a JSON pointer and, when known, a line/column. */
export interface Issue {
  /** JSON pointer into the document, e.g. `/cards/3/laneId`. Empty string for the whole document. */
  pointer: string;
  message: string;
  /** Stable machine-readable code, e.g. `DANGLING_REFERENCE`. */
  code: string;
  line?: number;
  col?: number;
}

/** HTTP-ish status for each error family; edges (HTTP, CLI, WebSocket) map codes in one place. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429 | 500;

/**
 * The one error class for expected failures. `code` is a stable SCREAMING_SNAKE string that is
 * part of the public API; bugs stay plain `Error`s.
 */
export class TrailmapError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly details: unknown;

  constructor(
    code: string,
    message: string,
    options: { status?: ErrorStatus; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TrailmapError';
    this.code = code;
    this.status = options.status ?? 400;
    this.details = options.details;
  }
}

export const isTrailmapError = (error: unknown): error is TrailmapError => error instanceof TrailmapError;

export const validationFailed = (message: string, issues: Issue[]) =>
  new TrailmapError('VALIDATION_FAILED', message, { status: 422, details: issues });
export const notFound = (code: string, message: string) => new TrailmapError(code, message, { status: 404 });
export const conflict = (code: string, message: string, details?: unknown) =>
  new TrailmapError(code, message, { status: 409, details });
export const forbidden = (message = 'You do not have permission to do this') =>
  new TrailmapError('FORBIDDEN', message, { status: 403 });
export const unauthorized = (message = 'Sign in first') =>
  new TrailmapError('UNAUTHORIZED', message, { status: 401 });
export const tooLarge = (message: string, details?: unknown) =>
  new TrailmapError('TOO_LARGE', message, { status: 413, details });
export const rateLimited = (message = 'Too many requests, try again later') =>
  new TrailmapError('RATE_LIMITED', message, { status: 429 });
export const schemaTooNew = (found: number, supported: number) =>
  new TrailmapError(
    'SCHEMA_TOO_NEW',
    `schemaVersion ${found} is newer than this version of Trailmap understands (${supported}); upgrade Trailmap`,
    { status: 422, details: { found, supported, pointer: '/schemaVersion' } },
  );
