import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DuckDbEngine,
  applyFilters,
  caseCount,
  checkDatasetName,
  conformance,
  importLog,
  measureJourney,
  scoreResponses,
  stageOfEvents,
  type ColumnMapping,
  type DatasetInfo,
  type EventLog,
  type Filter,
  type LogFormat,
  type OnError,
  type SurveyResponse,
} from '@trailmap/analytics';
import { TrailmapError, isTrailmapError, type Journey } from '@trailmap/schema';
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

/**
 * A dataset's log together with its catalog row; `createdAt` changes on every re-upload, so
 * clients use it as the version of the numbers they show.
 */
export const loadDatasetWithInfo = (ctx: ServiceContext, workspaceId: string, name: string) =>
  datasetEngines(ctx).run(workspaceId, async (engine) => {
    const log = await engine.loadDataset(checkDatasetName(name));
    const info = (await engine.listDatasets()).find((candidate) => candidate.name === name);
    return { log, info: info as DatasetInfo };
  });

const SCORE_COLUMNS = {
  csat: { aliases: ['csat', 'satisfaction'], min: 1, max: 5 },
  nps: { aliases: ['nps', 'likelihood_to_recommend', 'recommend'], min: 0, max: 10 },
  ces: { aliases: ['ces', 'effort', 'customer_effort'], min: 1, max: 7 },
} as const;
const TEXT_COLUMNS = ['text', 'verbatim', 'comment', 'feedback'];

/**
 * Survey answers carried by the events themselves (a `csat`/`nps`/`ces` or free-text column in
 * the log): each such event is an answer about its activity as touchpoint. Out-of-range scores
 * are ignored rather than failing the whole measurement.
 */
export function surveyFromEvents(log: EventLog): SurveyResponse[] {
  const column = (aliases: readonly string[]) => {
    const key = [...log.attributes.keys()].find((candidate) => aliases.includes(candidate.toLowerCase()));
    return key === undefined ? undefined : log.attributes.get(key);
  };
  const scoreColumns = Object.entries(SCORE_COLUMNS).map(([metric, spec]) => ({
    metric: metric as keyof typeof SCORE_COLUMNS,
    spec,
    column: column(spec.aliases),
  }));
  const text = column(TEXT_COLUMNS);
  const stage = column(['stage']);
  if (!text && scoreColumns.every((entry) => !entry.column)) return [];
  const valueAt = (attribute: typeof text, e: number) => {
    const code = attribute?.codes[e] ?? -1;
    const value = code >= 0 ? attribute!.values[code]!.trim() : '';
    return value === '' ? null : value;
  };
  const responses: SurveyResponse[] = [];
  for (let c = 0; c < caseCount(log); c++) {
    for (let e = log.caseStart[c]!; e < log.caseStart[c + 1]!; e++) {
      const response: SurveyResponse = {
        line: 0,
        touchpoint: log.activities[log.activity[e]!]!,
        stage: valueAt(stage, e),
        caseId: log.caseIds[c]!,
        csat: null,
        nps: null,
        ces: null,
        text: valueAt(text, e),
      };
      for (const { metric, spec, column: scores } of scoreColumns) {
        const score = Number(valueAt(scores, e) ?? Number.NaN);
        if (Number.isFinite(score) && score >= spec.min && score <= spec.max) response[metric] = score;
      }
      if (response.csat !== null || response.nps !== null || response.ces !== null || response.text !== null)
        responses.push(response);
    }
  }
  return responses;
}

/**
 * Measures a map against one dataset: only bindings for this dataset (or for none) count, the
 * filters narrow the cases first (segment comparison sends two filter sets), and each bound card
 * (touchpoint) gets its reached cases and the scores of the answers given at its activities.
 */
export function measureMap(log: EventLog, doc: Journey, dataset: string, filters: readonly Filter[]) {
  const bindings = doc.metricBindings.filter(
    (binding) => !binding.deletedAt && (binding.dataset === undefined || binding.dataset === dataset),
  );
  const journey: Journey = { ...doc, metricBindings: bindings };
  const subset = filters.length > 0 ? applyFilters(log, filters) : log;
  const survey = surveyFromEvents(subset);
  const touchpoints = bindings
    .filter((binding) => binding.targetId.startsWith('card:'))
    .map((binding) => {
      const matches = stageOfEvents(subset, [{ id: binding.targetId, name: '', rules: [binding.rule] }]);
      let cases = 0;
      for (let c = 0; c < caseCount(subset); c++) {
        for (let e = subset.caseStart[c]!; e < subset.caseStart[c + 1]!; e++) {
          if (matches[e] === 0) {
            cases++;
            break;
          }
        }
      }
      const answers = survey.filter(
        (response) => response.touchpoint !== null && binding.rule.activities.includes(response.touchpoint),
      );
      return {
        cardId: binding.targetId,
        cases,
        scores: answers.length > 0 ? scoreResponses(answers) : null,
      };
    });
  return {
    measures: measureJourney(subset, journey, survey),
    conformance: conformance(subset, journey),
    touchpoints,
  };
}
