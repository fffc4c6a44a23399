import { Migrator, SqliteAdapter, type Kysely, type Migration } from 'kysely';
import type { Db } from '../db/database';

/**
 * Tables of the live-collaboration layer. They are migrated by their own migrator (own history
 * table) so collab can evolve without touching the server's migration list.
 */
export interface CollabTables {
  /** A map's compacted Yjs state and the JSON document it corresponded to at `map_version`. */
  collab_documents: {
    map_id: string;
    state: string;
    journey: string;
    map_version: number;
    updated_at: string;
  };
  /** Yjs updates not yet compacted (base64), appended before a client's change is acknowledged. */
  collab_updates: { seq: number; map_id: string; update_b64: string; created_at: string };
  /** Dot-voting ballots: kept out of the shared document so hidden votes stay hidden. */
  collab_ballots: {
    map_id: string;
    session_id: string;
    user_id: string;
    allocations: string;
    updated_at: string;
  };
  notifications: {
    id: string;
    user_id: string;
    map_id: string;
    kind: string;
    thread_id: string;
    comment_id: string;
    author_id: string;
    author_name: string;
    excerpt: string;
    created_at: string;
    read_at: string | null;
  };
}

export type CollabDb = Kysely<CollabTables>;
export const collabDb = (db: Db): CollabDb => db as unknown as CollabDb;

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('collab_documents')
      .addColumn('map_id', 'text', (col) => col.primaryKey())
      .addColumn('state', 'text', (col) => col.notNull())
      .addColumn('journey', 'text', (col) => col.notNull())
      .addColumn('map_version', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('collab_updates')
      .addColumn('seq', sqlite ? 'integer' : 'bigserial', (col) =>
        sqlite ? col.primaryKey().autoIncrement() : col.primaryKey(),
      )
      .addColumn('map_id', 'text', (col) => col.notNull())
      .addColumn('update_b64', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('collab_updates_map')
      .on('collab_updates')
      .columns(['map_id', 'seq'])
      .execute();
    await db.schema
      .createTable('collab_ballots')
      .addColumn('map_id', 'text', (col) => col.notNull())
      .addColumn('session_id', 'text', (col) => col.notNull())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('allocations', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('collab_ballots_pk', ['map_id', 'session_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('user_id', 'text', (col) => col.notNull())
      .addColumn('map_id', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('thread_id', 'text', (col) => col.notNull())
      .addColumn('comment_id', 'text', (col) => col.notNull())
      .addColumn('author_id', 'text', (col) => col.notNull())
      .addColumn('author_name', 'text', (col) => col.notNull())
      .addColumn('excerpt', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('notifications_user')
      .on('notifications')
      .columns(['user_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['notifications', 'collab_ballots', 'collab_updates', 'collab_documents']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

const MIGRATIONS: Record<string, Migration> = { '20261123180000-collab-tables': initial };

/** Brings the collab tables up to date; safe on every start. */
export async function migrateCollab(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'trailmap_collab_migrations',
    migrationLockTableName: 'trailmap_collab_migrations_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error('collab migration failed', { cause: error });
}
