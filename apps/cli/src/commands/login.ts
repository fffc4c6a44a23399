import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from '../errors';
import { createPrompter } from '../io/prompt';

/** What `trailmap login` remembers: one API token per server, and the ETag of each pulled map. */
interface RemoteConfig {
  current?: string;
  servers: Record<string, { token: string; email?: string; etags: Record<string, string> }>;
}

/** `$TRAILMAP_CONFIG`, else `$XDG_CONFIG_HOME/trailmap/config.json`, else `~/.config/…`. */
export const remoteConfigPath = () =>
  process.env.TRAILMAP_CONFIG ??
  join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'trailmap', 'config.json');

export function readRemoteConfig(): RemoteConfig {
  const file = remoteConfigPath();
  if (!existsSync(file)) return { servers: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as RemoteConfig;
}

/** Writes the config readable by its owner only (it holds API tokens). */
export function writeRemoteConfig(config: RemoteConfig) {
  const file = remoteConfigPath();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The server to talk to (`--server` or the last one logged in to) and its token. */
export function remoteFor(server?: string) {
  const config = readRemoteConfig();
  const url = (server ?? config.current)?.replace(/\/$/, '');
  const entry = url ? config.servers[url] : undefined;
  if (!url || !entry) {
    throw new CliError(
      `not logged in${url ? ` to ${url}` : ''}; run: trailmap login --server URL`,
      EXIT.invalid,
    );
  }
  return { url, entry, config };
}

/** Calls the server's JSON API; turns its error body into a CLI error message. */
export async function callApi(url: string, init: RequestInit & { expect?: number[] } = {}) {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CliError(`cannot reach ${new URL(url).origin}: ${(error as Error).message}`, EXIT.invalid);
  }
  if (init.expect && !init.expect.includes(response.status)) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new CliError(
      `server said ${response.status} ${body.error?.code ?? ''}: ${body.error?.message ?? response.statusText}`.trim(),
      EXIT.invalid,
    );
  }
  return response;
}

/** `trailmap login --server URL`: signs in once and keeps a personal API token (0600 file). */
export function registerLogin(program: Command) {
  program
    .command('login')
    .description('Sign in to a Trailmap server and store an API token for pull/push')
    .requiredOption('--server <url>', 'server URL, e.g. http://localhost:4400')
    .option('--email <email>', 'account email (asked when missing)')
    .option(
      '--password <password>',
      'password (or env TRAILMAP_PASSWORD; else asked without echo, or read from piped stdin)',
    )
    .option('--token <token>', 'use an existing personal API token instead of a password')
    .action(async (options: { server: string; email?: string; password?: string; token?: string }) => {
      const server = options.server.replace(/\/$/, '');
      let token = options.token;
      let email = options.email;
      if (!token) {
        let password = options.password ?? (process.env.TRAILMAP_PASSWORD || undefined);
        if (email === undefined || password === undefined) {
          // A terminal gets a prompt without echo; piped stdin gives one answer per line.
          const prompter = createPrompter();
          try {
            email ??= await prompter.ask('Email: ');
            password ??= await prompter.askHidden('Password: ');
          } finally {
            prompter.close();
          }
        }
        const login = await callApi(`${server}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
          expect: [200],
        });
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const cookie = login.headers
          .getSetCookie()
          .map((line) => line.split(';')[0])
          .join('; ');
        const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
        const created = await callApi(`${server}/api/v1/me/tokens`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            name: `trailmap cli on ${process.env.HOSTNAME ?? 'this machine'}`.slice(0, 100),
          }),
          expect: [201],
        });
        token = ((await created.json()) as { token: string }).token;
        await callApi(`${server}/api/v1/auth/logout`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
        });
      }
      const me = await callApi(`${server}/api/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
        expect: [200],
      });
      const { user } = (await me.json()) as { user: { email: string } };
      const config = readRemoteConfig();
      config.servers[server] = {
        token,
        email: user.email ?? email,
        etags: config.servers[server]?.etags ?? {},
      };
      config.current = server;
      writeRemoteConfig(config);
      process.stdout.write(`logged in to ${server} as ${user.email}; token saved in ${remoteConfigPath()}\n`);
    });
}
