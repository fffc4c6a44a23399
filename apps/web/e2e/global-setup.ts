import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const webDir = resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet: poll again.
    }
    await new Promise((next) => setTimeout(next, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/**
 * Builds the web app and starts a real Trailmap server (SQLite in a temp dir) that serves it,
 * and tears it down after the run.
 * TRAILMAP_E2E_BASE_URL skips all this and tests a server that is already running.
 */
export default async function globalSetup() {
  if (process.env.TRAILMAP_E2E_BASE_URL) return undefined;
  if (!existsSync(join(webDir, 'dist/index.html')) || process.env.TRAILMAP_E2E_BUILD !== '0') {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
      cwd: webDir,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('building the web app failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'trailmap-e2e-'));
  const apiPort = await freePort();
  const webPort = await freePort();
  const output: string[] = [];
  const server = spawn(
    process.execPath,
    [
      join(root, 'apps/cli/bin/trailmap.mjs'),
      'serve',
      '--port',
      String(apiPort),
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        TRAILMAP_SIGNUP: 'open',
        TRAILMAP_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let web: ChildProcess | undefined;
  let baseUrl = `http://127.0.0.1:${apiPort}`;
  try {
    await waitFor(`${baseUrl}/healthz`, server);
    // The server serves apps/web/dist at / (SPA fallback); older servers did not, so put
    // `vite preview` (same build, proxying /api and /collab) in front of them instead.
    const page = await fetch(`${baseUrl}/maps/probe`);
    if (!(page.headers.get('content-type') ?? '').includes('text/html')) {
      web = spawn(
        process.execPath,
        [
          join(root, 'node_modules/vite/bin/vite.js'),
          'preview',
          '--port',
          String(webPort),
          '--strictPort',
          '--host',
          '127.0.0.1',
        ],
        {
          cwd: webDir,
          env: { ...process.env, TRAILMAP_API: baseUrl },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      web.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      baseUrl = `http://127.0.0.1:${webPort}`;
      await waitFor(`${baseUrl}/`, web);
    }
  } catch (error) {
    server.kill();
    web?.kill();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  process.env.TRAILMAP_E2E_BASE_URL = baseUrl;
  return async () => {
    web?.kill();
    server.kill();
    await new Promise((done) => setTimeout(done, 300));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
