import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/** The few operations the ClickHouse engine needs, over chDB (embedded) or a server. */
export interface ClickHouseExecutor {
  command(sql: string, params?: Record<string, unknown>): Promise<void>;
  /** Rows of a `JSONEachRow` result. */
  queryRows<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Raw `RowBinary` result bytes. */
  queryRowBinary(sql: string): Promise<Uint8Array>;
  /** Inserts a body in `format` (`RowBinary`, `JSONEachRow`) whose columns are `structure`. */
  insert(table: string, format: string, structure: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

interface ChdbSession {
  queryAsync(sql: string, options?: { format?: string }): Promise<{ text(): string; bytes(): Uint8Array }>;
  queryBindAsync(
    sql: string,
    params: object,
    options?: { format?: string },
  ): Promise<{ text(): string; bytes(): Uint8Array }>;
  close(): void;
}

const parseEachRow = <T>(text: string): T[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

/**
 * chDB in-process. Only one data directory per process: opening a second path fails in chdb.
 * Inserts go through a temporary file read with `file()`, the fastest bulk path chDB offers.
 */
export async function chdbExecutor(path: string): Promise<ClickHouseExecutor> {
  const chdb = (await import('chdb')) as unknown as { Session: new (path?: string) => ChdbSession };
  const session = path ? new chdb.Session(path) : new chdb.Session();
  const scratch = await mkdtemp(join(tmpdir(), 'trailmap-chdb-'));
  let files = 0;
  const run = (sql: string, params: Record<string, unknown> | undefined, format?: string) =>
    params && Object.keys(params).length > 0
      ? session.queryBindAsync(sql, params, format ? { format } : {})
      : session.queryAsync(sql, format ? { format } : {});
  return {
    async command(sql, params) {
      await run(sql, params);
    },
    async queryRows<T>(sql: string, params?: Record<string, unknown>) {
      return parseEachRow<T>((await run(sql, params, 'JSONEachRow')).text());
    },
    async queryRowBinary(sql) {
      return (await run(sql, undefined, 'RowBinary')).bytes();
    },
    async insert(table, format, structure, body) {
      const file = join(scratch, `insert-${files++}.bin`);
      await writeFile(file, body);
      try {
        await session.queryBindAsync(
          `INSERT INTO ${table} SELECT * FROM file({file:String}, ${format}, {structure:String})`,
          {
            file,
            structure,
          },
        );
      } finally {
        await rm(file, { force: true });
      }
    },
    async close() {
      session.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** A ClickHouse server through `@clickhouse/client` (used when `CLICKHOUSE_URL` is set). */
export async function serverExecutor(url: string): Promise<ClickHouseExecutor> {
  const { createClient } = await import('@clickhouse/client');
  const client = createClient({ url });
  const collect = async (stream: AsyncIterable<Buffer | Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(Buffer.from(part));
    return Buffer.concat(parts);
  };
  return {
    async command(sql, params) {
      await client.command({ query: sql, query_params: params });
    },
    async queryRows<T>(sql: string, params?: Record<string, unknown>) {
      const result = await client.query({ query: sql, format: 'JSONEachRow', query_params: params });
      return (await result.json()) as T[];
    },
    async queryRowBinary(sql) {
      const result = await client.exec({ query: `${sql} FORMAT RowBinary` });
      return collect(result.stream as AsyncIterable<Buffer>);
    },
    async insert(table, format, _structure, body) {
      const result = await client.exec({
        query: `INSERT INTO ${table} FORMAT ${format}`,
        values: Readable.from([body]),
      });
      await collect(result.stream as AsyncIterable<Buffer>);
    },
    async close() {
      await client.close();
    },
  };
}
