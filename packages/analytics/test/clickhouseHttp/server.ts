// Test-only stand-in for a ClickHouse server: the subset of ClickHouse's HTTP interface that
// `@clickhouse/client` uses (POST / with the SQL in the body or, for inserts, in `?query=` with the
// data in the body; `param_*` query parameters; `query_id`; GET /ping), executed by a real
// ClickHouse engine (chDB) so every SQL statement and data format the engine sends is parsed and
// run by ClickHouse itself. Anything outside that subset is refused loudly (400), so a client
// change that this stand-in does not understand fails the tests instead of passing silently.
//
// Run as its own process (chDB binds one data directory per process):
//   node --import tsx server.ts DATA_DIR  → prints "listening <port>" on stdout.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ChdbResult {
  bytes(): Uint8Array;
  text(): string;
}
interface ChdbSession {
  queryAsync(sql: string, options?: { format?: string }): Promise<ChdbResult>;
  queryBindAsync(sql: string, params: object, options?: { format?: string }): Promise<ChdbResult>;
  close(): void;
}

const KNOWN = new Set(['query_id', 'query', 'database']);
// ClickHouse's default output format over HTTP when the statement names none.
const DEFAULT_FORMAT = 'TabSeparated';

/** Undoes the escaping `@clickhouse/client` applies to `param_*` values (ClickHouse's Escaped text). */
function unescapeParam(text: string): string {
  const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '0': '\0' };
  return text.replace(/\\(.)/gs, (_, char: string) => escapes[char] ?? char);
}

const readBody = async (request: IncomingMessage) => {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

async function main() {
  const dataDirectory = process.argv[2];
  if (!dataDirectory) throw new Error('usage: server.ts DATA_DIR');
  const chdb = (await import('chdb')) as unknown as { Session: new (path: string) => ChdbSession };
  const session = new chdb.Session(dataDirectory);
  const scratch = await mkdtemp(join(tmpdir(), 'trailmap-ch-http-'));
  let files = 0;
  // chDB runs one statement at a time per session; HTTP requests are queued in arrival order.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const run = (sql: string, params: Record<string, string>) =>
    Object.keys(params).length > 0
      ? session.queryBindAsync(sql, params, { format: DEFAULT_FORMAT })
      : session.queryAsync(sql, { format: DEFAULT_FORMAT });

  /** `INSERT INTO t FORMAT F` + data: the data goes through a file read by ClickHouse's `file()`. */
  async function insert(sql: string, data: Buffer): Promise<ChdbResult> {
    const match = /^\s*INSERT\s+INTO\s+([\w.`]+)\s+FORMAT\s+(\w+)\s*$/i.exec(sql);
    if (!match) throw new Unsupported(`only "INSERT INTO table FORMAT name" carries data here: ${sql}`);
    const [, table, format] = match as unknown as [string, string, string];
    const [database, name] = table.replace(/`/g, '').split('.') as [string, string];
    const structure = await session.queryBindAsync(
      `SELECT arrayStringConcat(groupArray(concat(name, ' ', type)), ', ') FROM
         (SELECT name, type FROM system.columns WHERE database = {db:String} AND table = {t:String} ORDER BY position)`,
      { db: name ? database : 'default', t: name ?? database },
      { format: 'TabSeparatedRaw' },
    );
    const file = join(scratch, `insert-${files++}`);
    await writeFile(file, data);
    try {
      return await session.queryBindAsync(
        `INSERT INTO ${table} SELECT * FROM file({file:String}, ${format}, {structure:String})`,
        { file, structure: structure.text().trim() },
        { format: DEFAULT_FORMAT },
      );
    } finally {
      await rm(file, { force: true });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/ping' && request.method === 'GET') return response.end('Ok.\n');
    if (url.pathname !== '/' || request.method !== 'POST')
      throw new Unsupported(`${request.method} ${url.pathname}`);
    if (request.headers['content-encoding']) throw new Unsupported('compressed requests');
    const params: Record<string, string> = {};
    for (const [key, value] of url.searchParams) {
      if (key.startsWith('param_')) params[key.slice(6)] = unescapeParam(value);
      else if (!KNOWN.has(key)) throw new Unsupported(`URL parameter or setting "${key}"`);
    }
    const database = url.searchParams.get('database');
    if (database && database !== 'default') throw new Unsupported('a default database other than "default"');
    const body = await readBody(request);
    const inUrl = url.searchParams.get('query');
    const result = await serially(() =>
      inUrl !== null && body.length > 0 ? insert(inUrl, body) : run(inUrl ?? body.toString('utf8'), params),
    );
    response.writeHead(200, {
      'X-ClickHouse-Query-Id': url.searchParams.get('query_id') ?? '',
      'X-ClickHouse-Summary': JSON.stringify({ read_rows: '0', read_bytes: '0', written_rows: '0' }),
    });
    response.end(Buffer.from(result.bytes()));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof Unsupported ? '48' : (/Code: (\d+)/.exec(message)?.[1] ?? '1001');
      response.writeHead(error instanceof Unsupported ? 400 : 500, { 'X-ClickHouse-Exception-Code': code });
      response.end(
        error instanceof Unsupported ? `Code: 48. DB::Exception: test server: ${message}` : message,
      );
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
  });
  const stop = () =>
    server.close(() => {
      session.close();
      void rm(scratch, { recursive: true, force: true }).then(() => process.exit(0));
    });
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
}

class Unsupported extends Error {}

await main();
