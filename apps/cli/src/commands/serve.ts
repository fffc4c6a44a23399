import type { Command } from 'commander';
import { loadConfig, startServer } from '@trailmap/server';

/** `trailmap serve`: runs the HTTP server (SQLite in ./data unless DATABASE_URL says otherwise). */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description(
      'Run the Trailmap server (SQLite in --data-dir by default; DATABASE_URL=postgres://… for PostgreSQL)',
    )
    .option('--port <port>', 'port to listen on (env PORT)')
    .option('--host <host>', 'interface to bind (env HOST)')
    .option('--data-dir <dir>', 'where the SQLite database and generated secret live (env TRAILMAP_DATA_DIR)')
    .option('--demo', 'seed a demo workspace with example maps and print the demo login')
    .action(async (options: { port?: string; host?: string; dataDir?: string; demo?: boolean }) => {
      const config = loadConfig({
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.host === undefined ? {} : { host: options.host }),
        ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
        demo: options.demo ?? false,
      });
      await startServer(config, { handleSignals: true });
      // Keep running until a signal stops the server.
      await new Promise<never>(() => {});
    });
}
