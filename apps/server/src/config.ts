import { resolve } from 'node:path';
import { z } from 'zod';
import { TrailmapError } from '@trailmap/schema';

/** Everything the server needs to start; built once from flags and environment, then frozen. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** `sqlite:<file>` for the embedded database, or a `postgres://` URL. */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  /** Pepper for token hashes; when unset the server keeps a generated one in `<dataDir>/secret`. */
  secret: string | undefined;
  publicUrl: string;
  signup: 'open' | 'invite';
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Largest stored journey document (serialized), in bytes. */
  maxDocumentBytes: number;
  /** Upload cap for event-log datasets; unset → `TRAILMAP_MAX_DATASET_BYTES` or 512 MiB. */
  maxDatasetBytes?: number;
  sessionDays: number;
  /** Keep deleted maps restorable for this many days. */
  trashDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demo: boolean;
}

/** Options as given on the command line; each wins over its environment variable. */
export interface ConfigFlags {
  port?: number | string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  logLevel?: ServerConfig['logLevel'];
  signup?: ServerConfig['signup'];
}

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .refine((url) => /^(postgres|postgresql):\/\//.test(url) || url.startsWith('sqlite:'), {
      message: 'must be a postgres:// URL (unset it to use the embedded SQLite database)',
    })
    .optional(),
  secret: z.string().min(32, 'must be at least 32 characters').optional(),
  publicUrl: z.url('must be an absolute http(s) URL').optional(),
  signup: z.enum(['open', 'invite']),
  bodyLimit: z.coerce.number().int().min(1024),
  maxDocumentBytes: z.coerce.number().int().min(1024),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

const ENV_NAMES: Record<string, string> = {
  port: 'PORT',
  host: 'HOST',
  dataDir: 'TRAILMAP_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  secret: 'TRAILMAP_SECRET',
  publicUrl: 'TRAILMAP_PUBLIC_URL',
  signup: 'TRAILMAP_SIGNUP',
  bodyLimit: 'TRAILMAP_BODY_LIMIT',
  maxDocumentBytes: 'TRAILMAP_MAX_DOCUMENT_BYTES',
  logLevel: 'LOG_LEVEL',
};

/**
 * Reads flags and environment, validates them, and fills defaults.
 * @throws TrailmapError `INVALID_CONFIG` naming every bad setting and where it came from
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const blank = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const raw = {
    port: flags.port ?? blank(env.PORT) ?? 4400,
    host: flags.host ?? blank(env.HOST) ?? '127.0.0.1',
    dataDir: flags.dataDir ?? blank(env.TRAILMAP_DATA_DIR) ?? './data',
    databaseUrl: flags.databaseUrl ?? blank(env.DATABASE_URL),
    secret: blank(env.TRAILMAP_SECRET),
    publicUrl: blank(env.TRAILMAP_PUBLIC_URL),
    signup: flags.signup ?? blank(env.TRAILMAP_SIGNUP) ?? 'open',
    bodyLimit: blank(env.TRAILMAP_BODY_LIMIT) ?? 8 * 1024 * 1024,
    maxDocumentBytes: blank(env.TRAILMAP_MAX_DOCUMENT_BYTES) ?? 5 * 1024 * 1024,
    logLevel: flags.logLevel ?? blank(env.LOG_LEVEL) ?? 'info',
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const source = ENV_NAMES[key] ? `${ENV_NAMES[key]} / --${key}` : key;
      return `${source}: ${issue.message}`;
    });
    throw new TrailmapError('INVALID_CONFIG', `invalid server configuration:\n  ${problems.join('\n  ')}`, {
      details: problems,
    });
  }
  const value = parsed.data;
  const dataDir = resolve(value.dataDir);
  const databaseUrl = value.databaseUrl ?? `sqlite:${resolve(dataDir, 'trailmap.db')}`;
  const publicUrl = (value.publicUrl ?? `http://${displayHost(value.host)}:${value.port}`).replace(/\/$/, '');
  return Object.freeze({
    port: value.port,
    host: value.host,
    dataDir,
    databaseUrl,
    dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    secret: value.secret,
    publicUrl,
    signup: value.signup,
    bodyLimit: value.bodyLimit,
    maxDocumentBytes: value.maxDocumentBytes,
    sessionDays: 30,
    trashDays: 30,
    logLevel: value.logLevel,
    demo: flags.demo ?? false,
  });
}

const displayHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host);
