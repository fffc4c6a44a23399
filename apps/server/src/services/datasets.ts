import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DuckDbEngine,
  checkDatasetName,
  importLog,
  type ColumnMapping,
  type EventLog,
  type LogFormat,
  type OnError,
} from '@trailmap/analytics';
import { TrailmapError, isTrailmapError } from '@trailmap/schema';
import type { ServiceContext } from './context';

const DEFAULT_MAX_DATASET_BYTES = 512 * 1024 * 1024;

/** Upload size cap: `config.maxDatasetBytes`, else `TRAILMAP_MAX_DATASET_BYTES`, else 512 MiB. */
export function maxDatasetBytes(ctx: ServiceContext): number {
  if (ctx.config.maxDatasetBytes) return ctx.config.maxDatasetBytes;
  const fromEnv = Number(process.env.TRAILMAP_MAX_DATASET_BYTES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_DATASET_BYTES;
}

const tooLarge = (limit: number) =>
  new TrailmapError('DATASET_TOO_LARGE', `the upload is larger than ${limit} bytes`, {
    status: 413,
    details: { limit },
  });

/**
 * One DuckDB engine per workspace (`<dataDir>/analytics/<workspaceId>.duckdb`). An engine has a
 * single connection, so every operation on it runs through that workspace's queue.
 */
export class DatasetEngines {
  private readonly engines = new Map<string, Promise<DuckDbEngine>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly dataDir: string) {}

  /** Runs `task` on the workspace's engine after everything queued before it. */
  run<T>(workspaceId: string, task: (engine: DuckDbEngine) => Promise<T>): Promise<T> {
    const previous = this.queues.get(workspaceId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => task(await this.engine(workspaceId)));
    this.queues.set(workspaceId, next);
    return next;
  }

  private engine(workspaceId: string): Promise<DuckDbEngine> {
    let engine = this.engines.get(workspaceId);
    if (!engine) {
      const dir = join(this.dataDir, 'analytics');
      engine = mkdir(dir, { recursive: true }).then(() =>
        DuckDbEngine.open(join(dir, `${encodeURIComponent(workspaceId)}.duckdb`)),
      );
      engine.catch(() => this.engines.delete(workspaceId));
      this.engines.set(workspaceId, engine);
    }
    return engine;
  }

  /** Waits for queued work, then closes every engine. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
    const engines = await Promise.allSettled([...this.engines.values()]);
    this.engines.clear();
    for (const engine of engines) if (engine.status === 'fulfilled') await engine.value.close();
  }
}

const enginesByContext = new WeakMap<ServiceContext, DatasetEngines>();

/** The engines of this server (one set per service context). */
export function datasetEngines(ctx: ServiceContext): DatasetEngines {
  let engines = enginesByContext.get(ctx);
  if (!engines) {
    engines = new DatasetEngines(ctx.config.dataDir);
    enginesByContext.set(ctx, engines);
  }
  return engines;
}

export interface UploadOptions {
  name: string;
  format: LogFormat;
  columns: ColumnMapping;
  onError: OnError;
}

/**
 * Copies the stream to `file`, failing with 413 once it passes `limit` bytes. The rest of an
 * oversized body is read and dropped (not destroyed) so the client still gets the 413.
 */
async function streamToFile(body: Readable, file: string, limit: number) {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      body.unpipe(counter);
      body.resume();
      done(tooLarge(limit));
    },
  });
  // pipe() does not forward errors: a client that disconnects must fail the copy, not hang it.
  body.once('error', (error) => counter.destroy(error));
  body.pipe(counter);
  await pipeline(counter, createWriteStream(file));
}

/** Makes a log error name the upload (`name.format:LINE`) instead of the temp file path. */
function relabel(error: unknown, file: string, label: string): unknown {
  if (!isTrailmapError(error) || error.code !== 'INVALID_EVENT_LOG') return error;
  const details = Array.isArray(error.details)
    ? (error.details as { path: string }[]).map((detail) => ({ ...detail, path: label }))
    : error.details;
  return new TrailmapError(error.code, error.message.split(file).join(label), {
    status: 422,
    details,
    cause: error.cause,
  });
}

/**
 * Streams an upload to a temp file under the data dir, imports it as a dataset (replacing one
 * with the same name) and removes the temp file.
 */
export async function uploadDataset(
  ctx: ServiceContext,
  workspaceId: string,
  body: Readable,
  options: UploadOptions,
  declaredBytes?: number,
) {
  const name = checkDatasetName(options.name);
  const limit = maxDatasetBytes(ctx);
  if (declaredBytes !== undefined && declaredBytes > limit) {
    body.resume();
    throw tooLarge(limit);
  }
  const dir = join(ctx.config.dataDir, 'analytics', 'uploads', randomUUID());
  const label = `${name}.${options.format}`;
  const file = join(dir, label);
  await mkdir(dir, { recursive: true });
  try {
    await streamToFile(body, file, limit);
    const report = await datasetEngines(ctx)
      .run(workspaceId, (engine) =>
        importLog(engine, file, {
          dataset: name,
          format: options.format,
          columns: options.columns,
          onError: options.onError,
        }),
      )
      .catch((error: unknown) => {
        throw relabel(error, file, label);
      });
    return {
      name: report.dataset.name,
      events: report.dataset.events,
      cases: report.dataset.cases,
      skipped: report.skipped,
      seconds: report.seconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const listDatasets = (ctx: ServiceContext, workspaceId: string) =>
  datasetEngines(ctx).run(workspaceId, (engine) => engine.listDatasets());

export const dropDataset = (ctx: ServiceContext, workspaceId: string, name: string) =>
  datasetEngines(ctx).run(workspaceId, (engine) => engine.dropDataset(checkDatasetName(name)));

export const loadDataset = (ctx: ServiceContext, workspaceId: string, name: string): Promise<EventLog> =>
  datasetEngines(ctx).run(workspaceId, (engine) => engine.loadDataset(checkDatasetName(name)));
