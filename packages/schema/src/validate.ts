import type { z } from 'zod';
import { JourneySchema, type Journey } from './Journey';
import { TrailmapError, isTrailmapError, type Issue } from './errors';
import { checkIntegrity, toJsonPointer, type IntegrityOptions } from './integrity';
import { migrateDocument } from './migrate';

export type ValidationResult =
  { ok: true; value: Journey; migratedFrom: number; issues: [] } | { ok: false; issues: Issue[] };

/** Turns zod issues into located problems; unions and unknown keys get readable messages. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const at = toJsonPointer(...(issue.path as (string | number)[]));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: toJsonPointer(...(issue.path as (string | number)[]), key),
        code: 'UNKNOWN_FIELD',
        message: `unknown field "${key}"`,
      }));
    }
    const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : 'document';
    const message =
      issue.code === 'invalid_type' && issue.input === undefined
        ? `${field} is required`
        : issue.code === 'invalid_value' && 'values' in issue
          ? `${field} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
          : `${field}: ${issue.message}`;
    return [{ pointer: at, code: 'INVALID_VALUE', message }];
  });
}

/**
 * Validates a parsed document of any supported schemaVersion: migrates it, checks its shape and
 * its references. Reports every problem found, not just the first.
 */
export function validateJourney(input: unknown, options: IntegrityOptions = {}): ValidationResult {
  let migrated;
  try {
    migrated = migrateDocument(input);
  } catch (error) {
    if (!isTrailmapError(error)) throw error;
    const details = error.details as { pointer?: string } | undefined;
    return {
      ok: false,
      issues: [{ pointer: details?.pointer ?? '', code: error.code, message: error.message }],
    };
  }
  const parsed = JourneySchema.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const issues = checkIntegrity(parsed.data, options);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data, migratedFrom: migrated.fromVersion, issues: [] };
}

/**
 * Like {@link validateJourney} but throws.
 * @throws TrailmapError `VALIDATION_FAILED` with the issues as details
 */
export function parseJourney(input: unknown, options: IntegrityOptions = {}): Journey {
  const result = validateJourney(input, options);
  if (result.ok) return result.value;
  throw new TrailmapError(
    'VALIDATION_FAILED',
    `the journey document has ${result.issues.length} problem(s)`,
    {
      status: 422,
      details: result.issues,
    },
  );
}
