import type { Command } from 'commander';

/** Adds one top-level command (and its subcommands) to the program. */
export type RegisterCommand = (program: Command) => void;

/**
 * Every top-level command, loaded on demand: `trailmap validate` loads only validate.ts and never
 * pulls in the server, DuckDB or the rasterizers; `--help` loads them all. One entry per
 * command module, `name` being the command's name. Keep alphabetical.
 */
export const COMMAND_MODULES: { name: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'analyze', load: async () => (await import('./analyze/index')).registerAnalyze },
  { name: 'db', load: async () => (await import('./db')).registerDb },
  { name: 'diff', load: async () => (await import('./diff')).registerDiff },
  { name: 'draft', load: async () => (await import('./draft')).registerDraft },
  { name: 'events', load: async () => (await import('./events')).registerEvents },
  { name: 'export', load: async () => (await import('./export')).registerExport },
  { name: 'fmt', load: async () => (await import('./fmt')).registerFmt },
  { name: 'import', load: async () => (await import('./import')).registerImport },
  { name: 'login', load: async () => (await import('./login')).registerLogin },
  { name: 'migrate', load: async () => (await import('./migrate')).registerMigrate },
  { name: 'new', load: async () => (await import('./new')).registerNew },
  { name: 'pull', load: async () => (await import('./pull')).registerPull },
  { name: 'push', load: async () => (await import('./push')).registerPush },
  { name: 'run', load: async () => (await import('./run')).registerRun },
  { name: 'schema', load: async () => (await import('./schema')).registerSchema },
  { name: 'serve', load: async () => (await import('./serve')).registerServe },
  { name: 'templates', load: async () => (await import('./templates')).registerTemplates },
  { name: 'users', load: async () => (await import('./users')).registerUsers },
  { name: 'validate', load: async () => (await import('./validate')).registerValidate },
];
