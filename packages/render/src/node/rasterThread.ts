import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GlyphMasks } from './glyphAtlas';
import { RasterJob, type BandSpec, type RasterJobSpec } from './rasterJob';
import type { FromRaster, ToRaster } from './rasterMessages';

/** The raster thread is stopped after this long without a job (its heap and code are freed). */
const IDLE_MS = 60_000;

/** The main thread's side of one raster job. */
export interface RasterHandle {
  setMasks(masks: GlyphMasks): void;
  failText(error: Error): void;
  addBand(band: BandSpec): void;
  /** No more bands: resolves to the PNG. */
  end(): Promise<Buffer>;
  /** Drops the job (the main thread failed while feeding it). */
  cancel(): void;
}

interface Waiting {
  resolve(png: Buffer): void;
  reject(error: Error): void;
}

const require = createRequire(import.meta.url);

/**
 * The raster thread's code as one CommonJS script: the workspace runs TypeScript through tsx,
 * and a worker thread of Node 20 neither inherits tsx's loader nor registers it quickly (half a
 * second per thread), so esbuild (which tsx runs on) bundles the few modules the thread needs.
 * The native addon is loaded by absolute path, as an evaluated script resolves from the cwd.
 */
async function workerScript(): Promise<string> {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./rasterWorker.ts', import.meta.url))],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'native-addon-by-path',
        setup(plugin) {
          plugin.onResolve({ filter: /^@resvg\/resvg-js$/ }, (args) => ({
            path: require.resolve(args.path),
            external: true,
          }));
        },
      },
    ],
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * Runs raster jobs on one worker thread kept between posters. Tiles' pixel buffers are large
 * (17 MB each at 2048 px) and each one counts as external memory to V8, which runs a full
 * garbage collection every ~64 MB of it; a collection's cost grows with the heap it marks. On
 * the main thread of a server (or of the bench) that heap holds the app: moving the tiles off it
 * cut the CPU time of a 2x poster of a 2,000-card map by about 30 %. The raster thread's heap
 * holds almost nothing.
 */
export class RasterThread {
  private script?: Promise<string>;
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idle?: NodeJS.Timeout;
  private warned = false;

  /** `makeScript` builds the thread's code (tests pass one that fails). */
  constructor(private readonly makeScript: () => Promise<string> = workerScript) {}

  /** Starts building the thread's script, so a job opened soon after does not wait for it. */
  warm(): void {
    this.script ??= this.makeScript();
    this.script.catch(() => {}); // reported by open(), which falls back to this thread
  }

  /** Opens a job on the raster thread; in this thread when `inThread`, or when the thread cannot start. */
  async open(spec: RasterJobSpec, options: { inThread?: boolean } = {}): Promise<RasterHandle> {
    if (options.inThread) return inThread(spec);
    this.warm();
    let worker: Worker;
    try {
      worker = this.started(await this.script!);
    } catch (error) {
      if (!this.warned) {
        process.emitWarning(`raster thread unavailable, drawing in the main thread: ${String(error)}`);
        this.warned = true;
      }
      return inThread(spec);
    }
    const id = this.nextId++;
    const send = (message: ToRaster) => worker.postMessage(message);
    const result = new Promise<Buffer>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    result.catch(() => {}); // handed out by end(); this only keeps a failure from going unhandled
    clearTimeout(this.idle);
    worker.ref(); // an open job keeps the process alive until it is done
    send({ kind: 'start', id, spec });
    return {
      setMasks: (masks) => send({ kind: 'masks', id, masks }),
      failText: (error) => send({ kind: 'textFailed', id, message: error.message }),
      addBand: (band) => send({ kind: 'band', id, band }),
      end: () => {
        send({ kind: 'end', id });
        return result;
      },
      cancel: () => {
        send({ kind: 'cancel', id });
        this.settle(id)?.reject(new Error('raster job cancelled'));
      },
    };
  }

  private started(script: string): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(script, { eval: true });
    worker.on('message', (message: FromRaster) => {
      const waiting = this.settle(message.id);
      if (!waiting) return;
      if (message.kind === 'done') {
        waiting.resolve(Buffer.from(message.png.buffer, message.png.byteOffset, message.png.byteLength));
      } else {
        waiting.reject(new Error(message.message));
      }
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const id of [...this.waiting.keys()]) this.settle(id)!.reject(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the raster thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.rest();
    return waiting;
  }

  /** No job is open: the process may exit, and the thread stops if nothing comes for a while. */
  private rest(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.worker === worker && this.waiting.size === 0) {
        this.worker = undefined;
        void worker.terminate();
      }
    }, IDLE_MS);
    this.idle.unref();
  }

  /** Stops the thread now (tests: a lost thread fails its jobs, and the next job starts a new one). */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker) await worker.terminate();
  }
}

/** A job run by this thread: the same work, for tests and when no worker thread can start. */
function inThread(spec: RasterJobSpec): RasterHandle {
  const job = new RasterJob(spec);
  job.result.catch(() => {}); // handed out by end(); this only keeps a failure from going unhandled
  return {
    setMasks: (masks) => job.setMasks(masks),
    failText: (error) => job.failText(error),
    addBand: (band) => job.addBand(band),
    end: () => {
      job.end();
      return job.result;
    },
    cancel: () => job.end(), // it stops after the bands it has; nobody waits for its result
  };
}

export const rasterThread = new RasterThread();
