import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';
import { startWalCheckpointer } from './walCheckpointer';

export type Db = Kysely<Tables>;

/** An open relational store: the Kysely handle plus what differs between the two engines. */
export interface Database {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** Runs the engine's own consistency check; resolves to a list of problems (empty = healthy). */
  integrityCheck: () => Promise<string[]>;
  close: () => Promise<void>;
}

/**
 * Opens `sqlite:<file>` (WAL mode, created with its folder when missing) or a `postgres://` URL.
 * SQLite uses `synchronous=NORMAL`: in WAL mode that survives a killed process, and only a power
 * cut may lose the last commits. Its checkpoints run on a worker thread (see walCheckpointer).
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const checkpointer = file === ':memory:' ? undefined : startWalCheckpointer(file);
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 0');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return {
      db,
      dialect: 'sqlite',
      integrityCheck: async () => {
        const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
        return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
      },
      close: async () => {
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  // BIGINT counts come back as strings by default; ours fit in a JS number.
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    integrityCheck: async () => {
      // PostgreSQL has no single integrity pragma: check that every table can be fully read.
      const problems: string[] = [];
      for (const table of ['users', 'workspaces', 'maps', 'map_changes', 'audit_log'] as const) {
        try {
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
        } catch (error) {
          problems.push(`${table}: ${(error as Error).message}`);
        }
      }
      return problems;
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and Kysely runs one
 * query at a time on its single connection, so identical SQL can share one prepared statement.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      if (statements.size > 500) statements.clear();
      statement = sqlite.prepare(source);
      statements.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, property) => {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      // Native methods must be called on the real database object, not the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
