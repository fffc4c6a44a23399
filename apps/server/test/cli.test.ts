import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Journey } from '@trailmap/schema';
import { main } from '../../cli/src/main';
import { createWorkspace } from '../src/services/workspaces';
import { openTestApp, userWithToken, type TestApp } from './support/testApp';

/** `trailmap login / pull / push` against a real listening server. */
describe('trailmap login, pull and push', () => {
  let t: TestApp;
  let url: string;
  let headers: Record<string, string>;
  let mapId: string;
  const dir = mkdtempSync(join(tmpdir(), 'trailmap-cli-remote-'));
  const configFile = join(dir, 'config', 'trailmap.json');

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => (out.push(String(chunk)), true));
    const stderr = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => (err.push(String(chunk)), true));
    try {
      process.exitCode = undefined;
      const code = await main(['node', 'trailmap', ...args]);
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      process.exitCode = undefined;
    }
  };

  beforeAll(async () => {
    process.env.TRAILMAP_CONFIG = configFile;
    t = await openTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const owner = await userWithToken(t.services, 'cli@example.com');
    headers = owner.headers;
    const workspace = await createWorkspace(t.services.ctx, owner.user, 'CLI');
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/maps`,
      headers,
      payload: { title: 'Remote map' },
    });
    mapId = created.json().mapId;
  });
  afterAll(async () => {
    delete process.env.TRAILMAP_CONFIG;
    await t?.close();
  });

  it('logs in and keeps the token in a 0600 file', async () => {
    const result = await run(
      'login',
      '--server',
      url,
      '--email',
      'cli@example.com',
      '--password',
      'correct horse battery',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(configFile, 'utf8'));
    expect(saved.servers[url].token).toMatch(/^tmp_/);
    const bad = await run('login', '--server', url, '--email', 'cli@example.com', '--password', 'wrong');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_CREDENTIALS');
  });

  /** The real `trailmap` binary as a child; `answer` writes to its stdin when `prompt` shows up. */
  const child = (
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    answers: { prompt: string; answer: string }[] = [],
    stdin?: string,
  ) =>
    new Promise<{ code: number | null; output: string }>((done) => {
      const proc = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
      let output = '';
      const pending = [...answers];
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        while (pending.length && output.includes(pending[0]!.prompt))
          proc.stdin.write(pending.shift()!.answer);
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      if (stdin !== undefined) proc.stdin.end(stdin);
      proc.on('exit', (code) => done({ code, output }));
    });
  const CLI = resolve(__dirname, '../../cli/bin/trailmap.mjs');

  it('reads email and password from piped stdin, one per line', async () => {
    const config = join(dir, 'piped.json');
    const result = await child(
      process.execPath,
      [CLI, 'login', '--server', url],
      { TRAILMAP_CONFIG: config, TRAILMAP_PASSWORD: '' },
      [],
      'cli@example.com\ncorrect horse battery\n',
    );
    expect(result.output).toContain('logged in');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(config, 'utf8')).servers[url].token).toMatch(/^tmp_/);

    const empty = await child(
      process.execPath,
      [CLI, 'login', '--server', url, '--email', 'cli@example.com'],
      {
        TRAILMAP_CONFIG: join(dir, 'never.json'),
      },
      [],
      '',
    );
    expect(empty.code).toBe(2);
    expect(empty.output).toContain('no answer to "Password:" on stdin');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal, as if typed by a person.
  it.runIf(existsSync('/usr/bin/script'))(
    'asks for the password on a terminal without echoing it',
    async () => {
      const config = join(dir, 'tty.json');
      const command = [process.execPath, CLI, 'login', '--server', url].map((arg) => `'${arg}'`).join(' ');
      const result = await child(
        '/usr/bin/script',
        ['-q', '-e', '-c', command, '/dev/null'],
        { TRAILMAP_CONFIG: config },
        [
          { prompt: 'Email: ', answer: 'cli@example.com\r' },
          { prompt: 'Password: ', answer: 'correct horse battery\r' },
        ],
      );
      expect(result.output).toContain('logged in');
      expect(result.code).toBe(0);
      // The terminal echoes the email as it is typed, and not the password.
      expect(result.output).toContain('cli@example.com');
      expect(result.output).not.toContain('correct horse');
    },
    30_000,
  );

  it('pulls, pushes a change, and refuses to overwrite a map that changed on the server', async () => {
    const file = join(dir, 'remote.journey.json');
    expect((await run('pull', mapId, '-o', file)).code).toBe(0);
    const pulled = JSON.parse(readFileSync(file, 'utf8')) as Journey;
    expect(pulled.map.title).toBe('Remote map');

    writeFileSync(file, JSON.stringify({ ...pulled, map: { ...pulled.map, title: 'Edited locally' } }));
    const pushed = await run('push', file);
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    const server = await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapId}`, headers });
    expect(server.json<Journey>().map.title).toBe('Edited locally');

    // Someone else changes the map; the next push must be reported, not applied.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/maps/${mapId}/commands`,
      headers,
      payload: { commands: [{ command: 'map.update', input: { title: 'Edited on the server' } }] },
    });
    writeFileSync(file, JSON.stringify({ ...pulled, map: { ...pulled.map, title: 'Second local edit' } }));
    const conflict = await run('push', file);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('conflict');
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/maps/${mapId}`, headers });
    expect(after.json<Journey>().map.title).toBe('Edited on the server');
  });

  it('creates a map the server does not have yet', async () => {
    const file = join(dir, 'new.journey.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 2,
        map: { id: 'map:pushed-new', title: 'Pushed', type: 'current-state' },
      }),
    );
    const result = await run('push', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created map:pushed-new');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/maps/map:pushed-new', headers })).statusCode,
    ).toBe(200);
  });

  it('creates users and migrates a database from the command line', async () => {
    const dataDir = join(dir, 'cli-data');
    const created = await run(
      'users',
      'create',
      '--email',
      'Admin@Example.com',
      '--password',
      'long enough pw',
      '--admin',
      '--data-dir',
      dataDir,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('created admin user admin@example.com');
    const again = await run(
      'users',
      'create',
      '--email',
      'admin@example.com',
      '--password',
      'long enough pw',
      '--data-dir',
      dataDir,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const migrated = await run('db', 'migrate', '--data-dir', dataDir);
    expect(migrated.stdout).toContain('up to date');
  });
});
