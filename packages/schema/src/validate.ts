import { JourneySchema, type Journey } from './Journey';
import { TrailmapError, isTrailmapError, type Issue } from './errors';
import { checkIntegrity, type IntegrityOptions } from './integrity';
import { checkIntegrityLeniently } from './lenientIntegrity';
import { migrateDocument } from './migrate';
import { issuesFromZod } from './zodMessages';

export { issuesFromZod };

export type ValidationResult =
  { ok: true; value: Journey; migratedFrom: number; issues: [] } | { ok: false; issues: Issue[] };

/**
 * Validates a parsed document of any supported schemaVersion: migrates it, checks its shape and
 * its references. Reports every problem found, not just the first: when the shape is wrong the
 * reference checks still run over what is there.
 * @example
 * const result = validateJourney(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(issue.pointer, issue.message);
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
  const parsed = JourneySchema.safeParse(migrated.document, { reportInput: true });
  if (!parsed.success) {
    const shapeIssues = issuesFromZod(parsed.error);
    return {
      ok: false,
      issues: [...shapeIssues, ...checkIntegrityLeniently(migrated.document, shapeIssues, options)],
    };
  }
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
