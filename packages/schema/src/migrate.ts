import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from './Journey';
import { TrailmapError, schemaTooNew } from './errors';
import type { LooseRecord, Migration } from './migration';

export interface MigrationResult {
  document: LooseRecord;
  fromVersion: number;
  applied: string[];
}

const isRecord = (value: unknown): value is LooseRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function applyMigration(document: LooseRecord, migration: Migration): LooseRecord {
  if (migration.collection === undefined) return migration.up(document);
  const target = document[migration.collection];
  if (Array.isArray(target)) {
    return {
      ...document,
      [migration.collection]: target.map((record) => (isRecord(record) ? migration.up(record) : record)),
    };
  }
  if (isRecord(target)) return { ...document, [migration.collection]: migration.up(target) };
  return document;
}

/**
 * Upgrades a parsed document of any earlier schemaVersion to the current one by chaining
 * migrations. Never mutates its input.
 * @throws TrailmapError `SCHEMA_VERSION_MISSING`, `SCHEMA_VERSION_INVALID`, `SCHEMA_TOO_NEW`
 */
export function migrateDocument(
  input: unknown,
  migrations: Migration[] = MIGRATIONS,
  target = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (!isRecord(input)) {
    throw new TrailmapError('NOT_A_DOCUMENT', 'a journey document must be an object', { status: 422 });
  }
  const version = input.schemaVersion;
  if (version === undefined) {
    throw new TrailmapError(
      'SCHEMA_VERSION_MISSING',
      'schemaVersion is required (this version writes ' + target + ')',
      {
        status: 422,
        details: { pointer: '/schemaVersion' },
      },
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new TrailmapError('SCHEMA_VERSION_INVALID', 'schemaVersion must be a whole number of at least 1', {
      status: 422,
      details: { pointer: '/schemaVersion' },
    });
  }
  if (version > target) throw schemaTooNew(version, target);
  const pending = migrations.filter(
    (migration) => migration.toVersion > version && migration.toVersion <= target,
  );
  // A current document needs no copy: nothing will change it, and validation builds new objects.
  if (pending.length === 0) return { document: input, fromVersion: version, applied: [] };
  let document: LooseRecord = structuredClone(input);
  for (const migration of pending) document = applyMigration(document, migration);
  return {
    document: { ...document, schemaVersion: target },
    fromVersion: version,
    applied: pending.map((migration) => migration.id),
  };
}
