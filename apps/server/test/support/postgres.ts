import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * One throwaway PostgreSQL cluster per test run, shared by every test file (each gets its own
 * database). The first file to ask starts it; a detached watchdog stops it and deletes its
 * directory when the vitest main process exits. Runs as the `postgres` user because initdb
 * refuses root, with fsync off because the data is thrown away.
 */

const BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find(
  (dir) => existsSync(join(dir, 'initdb')),
);

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (!BIN) return 'PostgreSQL server binaries not found (apt-get install postgresql)';
  if (!isRoot) return null;
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return 'no "postgres" system user to run initdb as';
  }
  return null;
}

// Forked vitest workers are children of the vitest main process: its pid names the run.
const runId = process.env.TRAILMAP_TEST_RUN_ID ?? String(process.ppid);
const root = join(tmpdir(), `trailmap-pg-${runId}`);
const portFile = join(root, 'port');

// initdb refuses root: as root we run it as `postgres`; any other user runs it directly.
const isRoot = process.getuid?.() === 0;
const asPostgres = (command: string, args: string[]) =>
  isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(BIN!, command), ...args], { stdio: 'pipe' })
    : execFileSync(join(BIN!, command), args, { stdio: 'pipe' });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function bootCluster(): Promise<number> {
  const data = join(root, 'data');
  mkdirSync(data, { recursive: true });
  if (isRoot) {
    chownSync(root, uidOf('postgres'), gidOf('postgres'));
    chownSync(data, uidOf('postgres'), gidOf('postgres'));
  }
  asPostgres('initdb', [
    '-D',
    data,
    '--auth=trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', 'start']);
  // Stop the cluster once the vitest main process is gone, however it ended.
  const watchdog = spawn(
    process.execPath,
    [
      '-e',
      `const {execFileSync}=require('node:child_process');const {rmSync}=require('node:fs');
       const t=setInterval(()=>{try{process.kill(${Number(runId)},0)}catch{clearInterval(t);
       const stop=[${JSON.stringify(join(BIN!, 'pg_ctl'))},'-D',${JSON.stringify(data)},'-m','immediate','stop'];
       try{${isRoot ? "execFileSync('runuser',['-u','postgres','--',...stop],{stdio:'ignore'})" : "execFileSync(stop[0],stop.slice(1),{stdio:'ignore'})"}}catch{}
       rmSync(${JSON.stringify(root)},{recursive:true,force:true});
       rmSync(${JSON.stringify(`${root}.lock`)},{recursive:true,force:true});}},500);`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  writeFileSync(portFile, String(port));
  return port;
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());

async function clusterPort(): Promise<number> {
  const lock = `${root}.lock`;
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    owner = false;
  }
  if (owner) {
    try {
      return await bootCluster();
    } catch (error) {
      writeFileSync(`${lock}/failed`, String((error as Error).message));
      throw error;
    }
  }
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (existsSync(portFile)) return Number(readFileSync(portFile, 'utf8'));
    if (existsSync(`${lock}/failed`))
      throw new Error(`PostgreSQL test cluster failed: ${readFileSync(`${lock}/failed`, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting for the PostgreSQL test cluster');
}

let cachedPort: Promise<number> | undefined;

/** A fresh, empty database on the shared test cluster; returns its connection URL. */
export async function createTestDatabase(): Promise<string> {
  const port = await (cachedPort ??= clusterPort());
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}
