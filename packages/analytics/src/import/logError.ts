import { TrailmapError, isTrailmapError } from '@trailmap/schema';

/** What to do with a bad row: stop with an error, or skip it and count it. */
export type OnError = 'fail' | 'skip';

/** A problem in an input log, reported as `LOG:LINE: message` (line 0 = the whole file). */
export function logError(file: string, line: number, message: string, cause?: unknown): TrailmapError {
  const where = line > 0 ? `${file}:${line}` : file;
  return new TrailmapError('INVALID_EVENT_LOG', `${where}: ${message}`, {
    status: 422,
    details: [{ path: file, line, message }],
    cause,
  });
}

/** Counts skipped rows, or throws on the first one when errors are fatal. */
export class RowErrors {
  skipped = 0;
  constructor(
    private readonly file: string,
    private readonly onError: OnError,
  ) {}

  /** Reports a bad row; returns normally only in skip mode. */
  bad(line: number, message: string): void {
    if (this.onError === 'fail') throw logError(this.file, line, message);
    this.skipped++;
  }
}

/** Gives a file-level problem (line 0, e.g. corrupt gzip) the line the reader had reached. */
export function withLine(error: unknown, file: string, line: number): unknown {
  if (!isTrailmapError(error) || error.code !== 'INVALID_EVENT_LOG') return error;
  const [detail] = error.details as { line: number; message: string }[];
  if (!detail || detail.line !== 0) return error;
  return logError(file, line, detail.message, error.cause);
}
