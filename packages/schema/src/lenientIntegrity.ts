import { COLLECTIONS, type Journey } from './Journey';
import type { Issue } from './errors';
import { checkIntegrity, type IntegrityOptions } from './integrity';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields the integrity check iterates; anything that is not a list becomes an empty list. */
const LIST_FIELDS = ['evidenceIds', 'problemCardIds'] as const;

function looseRecord(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return {};
  const copy: Record<string, unknown> = { ...value };
  for (const field of LIST_FIELDS) if (!Array.isArray(copy[field])) copy[field] = [];
  return copy;
}

/**
 * Runs the referential-integrity checks over a document whose shape is invalid, so one run
 * reports dangling ids and duplicates next to the type errors. Records are kept in place (so
 * pointers stay right); issues at or under a pointer that already has a shape problem are
 * dropped, since a missing or mistyped id says nothing about the records it should point at.
 */
export function checkIntegrityLeniently(
  document: unknown,
  shapeIssues: readonly Issue[],
  options: IntegrityOptions = {},
): Issue[] {
  if (!isRecord(document)) return [];
  const loose: Record<string, unknown> = { map: looseRecord(document.map) };
  for (const collection of COLLECTIONS) {
    const records = document[collection];
    loose[collection] = Array.isArray(records) ? records.map(looseRecord) : [];
  }
  let issues: Issue[];
  try {
    issues = checkIntegrity(loose as unknown as Journey, options);
  } catch (error) {
    // Best effort only: the shape issues already explain the document; never hide them behind a
    // crash of the bonus pass. Bugs surface in tests of valid documents, where this never runs.
    void error;
    return [];
  }
  const covered = (at: string) =>
    shapeIssues.some((issue) => at === issue.pointer || at.startsWith(`${issue.pointer}/`));
  const hasValue = (at: string) => resolvePointer(document, at) !== undefined;
  return issues.filter((issue) => !covered(issue.pointer) && hasValue(issue.pointer));
}

function resolvePointer(document: unknown, at: string): unknown {
  if (at === '') return document;
  let current: unknown = document;
  for (const raw of at.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = current[key];
    else return undefined;
  }
  return current;
}
