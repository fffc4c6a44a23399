import { readFileSync, statSync } from 'node:fs';
import {
  MAX_DOCUMENT_BYTES,
  parseJourneyText,
  tooLargeMessage,
  toCanonicalJson,
  toYaml,
  type DocumentFormat,
  type LocatedIssue,
  type ParseOptions,
} from '@trailmap/core';
import type { Journey } from '@trailmap/schema';
import { CliError, EXIT } from '../errors';
import { printIssues } from './report';

export interface LoadedDocument {
  file: string;
  doc: Journey;
  format: DocumentFormat;
  /** The bytes as read, to compare with the canonical text. */
  text: string;
  migratedFrom: number;
}

export type LoadResult =
  ({ ok: true } & LoadedDocument) | { ok: false; file: string; issues: LocatedIssue[] };

const fileIssue = (code: string, message: string): LocatedIssue => ({
  pointer: '',
  code,
  message,
  line: 1,
  col: 1,
});

/**
 * Reads a file with the size limit checked before reading, so a huge file is refused without
 * being loaded. Returns the bytes or a located issue.
 */
export function readInputFile(
  file: string,
): { ok: true; bytes: Buffer } | { ok: false; issue: LocatedIssue } {
  let size: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory())
      return { ok: false, issue: fileIssue('NOT_A_FILE', 'is a directory, not a file') };
    size = stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      issue: fileIssue(
        'FILE_NOT_FOUND',
        code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`,
      ),
    };
  }
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, issue: fileIssue('TOO_LARGE', tooLargeMessage(size)) };
  try {
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    return {
      ok: false,
      issue: fileIssue(
        'FILE_NOT_READABLE',
        `cannot read the file (${(error as NodeJS.ErrnoException).code})`,
      ),
    };
  }
}

/** Reads, migrates and validates one journey file; every problem comes back located. */
export function loadJourneyFile(file: string, options: ParseOptions = {}): LoadResult {
  const read = readInputFile(file);
  if (!read.ok) return { ok: false, file, issues: [read.issue] };
  const result = parseJourneyText(read.bytes, { filename: file, ...options });
  if (!result.ok) return { ok: false, file, issues: result.issues };
  return {
    ok: true,
    file,
    doc: result.doc,
    format: result.format,
    text: read.bytes.toString('utf8'),
    migratedFrom: result.migratedFrom,
  };
}

/**
 * Like {@link loadJourneyFile}, but prints the problems and fails the command (exit 1).
 * @throws CliError with an empty message once the problems are printed
 */
export function requireJourneyFile(file: string, options: ParseOptions = {}): LoadedDocument {
  const result = loadJourneyFile(file, options);
  if (result.ok) return result;
  printIssues(file, result.issues);
  throw new CliError('', EXIT.invalid);
}

/** The format a file name asks for: `.yaml`/`.yml` → YAML, anything else → canonical JSON. */
export const formatForPath = (file: string): DocumentFormat => (/\.ya?ml$/i.test(file) ? 'yaml' : 'json');

/** The document's text in the given format, canonical either way. */
export const serialize = (doc: Journey, format: DocumentFormat): string =>
  format === 'yaml' ? toYaml(doc) : toCanonicalJson(doc);
