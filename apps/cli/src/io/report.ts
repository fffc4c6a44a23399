import { relative } from 'node:path';
import type { Issue } from '@trailmap/schema';

/** A path as shown to the user: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? file : shown;
}

/** `FILE:LINE:COL: message (at /json/pointer)` — the one format every command reports problems in. */
export function formatIssue(file: string, issue: Issue): string {
  const where = `${displayPath(file)}:${issue.line ?? 1}:${issue.col ?? 1}`;
  const at = issue.pointer ? ` (at ${issue.pointer})` : '';
  return `${where}: ${issue.message}${at}`;
}

/** Prints every problem of one file to stderr, one per line. */
export function printIssues(file: string, issues: readonly Issue[]): void {
  for (const issue of issues) process.stderr.write(`${formatIssue(file, issue)}\n`);
}

/** Issues as written by `--json`: plain objects with the file attached. */
export const issuesAsJson = (file: string, issues: readonly Issue[]) =>
  issues.map((issue) => ({ file: displayPath(file), ...issue }));
