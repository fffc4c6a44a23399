import { Migrator, type MigrationProvider } from 'kysely';
import { TrailmapError } from '@trailmap/schema';
import { MIGRATIONS } from '../migrations/index';
import type { Db } from './database';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the database up to the newest migration; safe to run on every start.
 * @returns the names of the migrations that ran now
 * @throws TrailmapError `MIGRATION_FAILED`
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'trailmap_migrations' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new TrailmapError('MIGRATION_FAILED', `database migration ${failed} failed`, {
      status: 500,
      cause: error,
    });
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
