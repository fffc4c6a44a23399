import type { Command } from 'commander';
import { createUser, loadConfig, migrateToLatest, openDatabase, type ServiceContext } from '@trailmap/server';

/** `trailmap users create`: adds an account directly in the database (for invite-only servers). */
export function registerUsers(program: Command) {
  const users = program.command('users').description('Manage server accounts');
  users
    .command('create')
    .description('Create a user in the configured database')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', 'password (at least 8 characters)')
    .option('--name <name>', 'display name')
    .option('--admin', 'server admin (may create accounts through the API)')
    .option('--data-dir <dir>', 'data directory of the embedded SQLite database')
    .action(
      async (options: {
        email: string;
        password: string;
        name?: string;
        admin?: boolean;
        dataDir?: string;
      }) => {
        const config = loadConfig(options.dataDir ? { dataDir: options.dataDir } : {});
        const database = openDatabase(config.databaseUrl);
        try {
          await migrateToLatest(database.db);
          const ctx: ServiceContext = {
            db: database.db,
            database,
            config,
            pepper: '',
            now: () => new Date().toISOString(),
          };
          const user = await createUser(ctx, {
            email: options.email,
            password: options.password,
            ...(options.name ? { name: options.name } : {}),
            isAdmin: options.admin ?? false,
          });
          process.stdout.write(`created ${user.isAdmin ? 'admin ' : ''}user ${user.email} (${user.id})\n`);
        } finally {
          await database.close();
        }
      },
    );
}
