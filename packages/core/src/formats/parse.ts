import { validateJourney, type IntegrityOptions, type Issue, type Journey } from '@trailmap/schema';
import { decodeDocument } from './decode';
import { parseJsonSource } from './jsonSource';
import { LineIndex, type PointerLocator } from './sourceMap';
import { parseYamlSource } from './yamlSource';

export type DocumentFormat = 'json' | 'yaml';

/** A problem with its place in the source; parse results always carry line and col. */
export type LocatedIssue = Issue & { line: number; col: number };

export interface ParseOptions extends IntegrityOptions {
  /** Used to pick the format (`.yaml`/`.yml` → YAML, otherwise JSON) when `format` is not given. */
  filename?: string;
  format?: DocumentFormat;
  /**
   * Extra checks (e.g. the CLI's linked-file check), located like the rest. They get the parsed
   * value before migration and validation, so they must read it defensively.
   */
  checks?: (document: unknown) => Issue[];
}

export type ParseResult =
  | { ok: true; doc: Journey; migratedFrom: number; format: DocumentFormat }
  | { ok: false; issues: LocatedIssue[]; format: DocumentFormat };

/** The format of a file: from its name, else from its first character (`{` means JSON). */
export function detectFormat(filename: string | undefined, text: string): DocumentFormat {
  if (filename && /\.ya?ml$/i.test(filename)) return 'yaml';
  if (filename && /\.json$/i.test(filename)) return 'json';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Codes whose issue is best shown at the key rather than at the value. */
const AT_KEY = new Set(['UNKNOWN_FIELD', 'DUPLICATE_KEY']);

const byPosition = (a: LocatedIssue, b: LocatedIssue) => a.line - b.line || a.col - b.col;

/**
 * Parses a journey document from its text (JSON or YAML), migrates it to the current schema and
 * validates shape and references. Every problem is returned at once, each with the line and
 * column of the offending node, including syntax errors, encoding problems and oversized input.
 * @example
 * const result = parseJourneyText(readFileSync(file), { filename: file });
 * if (!result.ok) for (const i of result.issues) console.error(`${file}:${i.line}:${i.col}: ${i.message}`);
 */
export function parseJourneyText(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeDocument(input);
  const format = options.format ?? detectFormat(options.filename, decoded.text);
  const lines = new LineIndex(decoded.text);
  const at = (offset: number) => lines.position(offset);
  if (!decoded.ok) {
    const issue = { pointer: '', code: decoded.code, message: decoded.message, ...at(decoded.offset) };
    return { ok: false, format, issues: [issue] };
  }
  const text = decoded.text;

  let value: unknown;
  let locate: PointerLocator;
  const syntaxIssues: LocatedIssue[] = [];
  if (format === 'json') {
    const parsed = parseJsonSource(text);
    if (!parsed.ok) {
      const issue = { pointer: '', code: 'JSON_SYNTAX', message: parsed.message, ...at(parsed.offset) };
      return { ok: false, format, issues: [issue] };
    }
    value = parsed.value;
    locate = parsed.locate;
    for (const duplicate of parsed.duplicates) {
      syntaxIssues.push({
        pointer: duplicate.pointer,
        code: 'DUPLICATE_KEY',
        message: `duplicate key "${duplicate.key}" (JSON keeps only the last one)`,
        ...at(duplicate.offset),
      });
    }
  } else {
    const parsed = parseYamlSource(text);
    if (!parsed.ok) {
      const issues = parsed.problems.map((problem) => ({
        pointer: '',
        code: 'YAML_SYNTAX',
        message: problem.message,
        ...at(problem.offset),
      }));
      return { ok: false, format, issues };
    }
    value = parsed.value;
    locate = parsed.locate;
  }

  const located = (issue: Issue): LocatedIssue => {
    const location = locate(issue.pointer);
    const offset = AT_KEY.has(issue.code) ? (location.key ?? location.value) : location.value;
    return { ...issue, ...at(offset) };
  };
  const result = validateJourney(value, options);
  const extra = options.checks ? options.checks(value).map(located) : [];
  const issues = [...syntaxIssues, ...(result.ok ? [] : result.issues.map(located)), ...extra];
  if (!result.ok || issues.length > 0) return { ok: false, format, issues: issues.sort(byPosition) };
  return { ok: true, doc: result.value, migratedFrom: result.migratedFrom, format };
}
