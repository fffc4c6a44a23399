import type { Command } from 'commander';
import { loadConfig, migrateToLatest, openDatabase } from '@trailmap/server';

/** `trailmap db migrate`: applies pending relational migrations (the server also does on start). */
export function registerDb(program: Command) {
  const db = program.command('db').description('Server database maintenance');
  db.command('migrate')
    .description('Apply pending migrations to the configured database (DATABASE_URL or --data-dir)')
    .option('--data-dir <dir>', 'data directory of the embedded SQLite database')
    .action(async (options: { dataDir?: string }) => {
      const config = loadConfig(options.dataDir ? { dataDir: options.dataDir } : {});
      const database = openDatabase(config.databaseUrl);
      try {
        const ran = await migrateToLatest(database.db);
        process.stdout.write(
          ran.length === 0
            ? 'database is up to date\n'
            : `applied ${ran.length} migration(s):\n  ${ran.join('\n  ')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
