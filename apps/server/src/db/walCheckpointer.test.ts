import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite checkpoints off the event loop', () => {
  it('folds the write-ahead log into the database file in the background, and closes cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailmap-wal-'));
    dirs.push(dir);
    const file = join(dir, 'trailmap.db');
    const database = openDatabase(`sqlite:${file}`);
    const { db } = database;
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    const sizeBefore = statSync(file).size;
    // ~8 MB of rows: far past the 1,000-page mark where SQLite would checkpoint inside a commit.
    const body = 'x'.repeat(4000);
    for (let i = 0; i < 2000; i++) await sql`insert into notes (body) values (${body})`.execute(db);
    // The main connection never checkpoints itself, so only the worker can grow the file.
    const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(autocheckpoint.rows[0]?.wal_autocheckpoint).toBe(0);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < sizeBefore + 7_000_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 7_000_000);
    await database.close();

    const reopened = openDatabase(`sqlite:${file}`);
    try {
      expect(await reopened.integrityCheck()).toEqual([]);
      const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(reopened.db);
      expect(count.rows[0]?.n).toBe(2000);
    } finally {
      await reopened.close();
    }
  });
});
