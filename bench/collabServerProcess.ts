// The collab benchmark's server side: one child process per server (bench/collabServer.ts), either
// the Trailmap server or the bare-Hocuspocus reference with the same documents, so each one's CPU
// and memory are measured alone. Talks to the child over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Journey } from '@trailmap/schema';

export type Mode = 'trailmap' | 'bare';
/** COLLAB_BENCH_PROFILE=<dir>: each server writes a V8 CPU profile to <dir>/<mode> (--cpu-prof). */
const PROFILE_DIR = process.env.COLLAB_BENCH_PROFILE;

export interface Stats {
  cpu: { user: number; system: number };
  rss: number;
  heapUsed: number;
  documents: number;
}

export class ServerProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (value: unknown) => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: { id?: number }) => {
      if (message.id !== undefined) this.waiting.get(message.id)?.(message);
    });
  }

  static start(mode: Mode): Promise<ServerProcess> {
    const script = fileURLToPath(new URL('./collabServer.ts', import.meta.url));
    const child = fork(script, [mode], {
      execArgv: [
        '--expose-gc',
        '--import',
        'tsx',
        ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}/${mode}`] : []),
      ],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', (message: { url: string }) => resolve(new ServerProcess(child, message.url)));
      child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    });
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.child.send({ ...message, id });
    });
  }

  seed(maps: Journey[]) {
    return this.request<{ mapIds: string[]; token: string }>({ type: 'seed', maps });
  }

  stats(gc = false) {
    return this.request<Stats>({ type: 'stats', gc });
  }

  async stop() {
    this.child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop', id: -1 });
    });
  }
}
