import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Starts the test-only ClickHouse HTTP stand-in (`server.ts`, chDB behind ClickHouse's HTTP
 * interface) in its own process, so `@clickhouse/client` talks real HTTP to a real ClickHouse
 * engine. Resolves with its URL once it listens.
 */
export function startClickHouseHttp(
  dataDirectory: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'server.ts'), dataDirectory], {
    cwd: here,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the ClickHouse HTTP stand-in exited with ${code}: ${output}`)),
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop });
    });
  });
}

/**
 * An engine opened the way users configure a server: `CLICKHOUSE_URL` set in the environment
 * (only for the call, so chDB engines in the same file stay embedded). The stand-in starts on
 * first use and is shared by later opens; `stop` ends it.
 */
export function clickHouseUrlEngines(dataDirectory: string) {
  let server: ReturnType<typeof startClickHouseHttp> | undefined;
  return {
    async open() {
      server ??= startClickHouseHttp(dataDirectory);
      const { url } = await server;
      const { ClickHouseEngine } = await import('../../src/engines/clickhouse');
      const before = process.env.CLICKHOUSE_URL;
      process.env.CLICKHOUSE_URL = url;
      try {
        return await ClickHouseEngine.open({ path: join(dataDirectory, 'not-used-with-a-url') });
      } finally {
        if (before === undefined) delete process.env.CLICKHOUSE_URL;
        else process.env.CLICKHOUSE_URL = before;
      }
    },
    async stop() {
      if (server) await (await server).stop();
    },
  };
}
