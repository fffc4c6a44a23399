import type { Command } from 'commander';
import { registerAnalyze } from './analyze/index';
import { registerDb } from './db';
import { registerDiff } from './diff';
import { registerDraft } from './draft';
import { registerEvents } from './events';
import { registerExport } from './export';
import { registerFmt } from './fmt';
import { registerImport } from './import';
import { registerLogin } from './login';
import { registerMigrate } from './migrate';
import { registerNew } from './new';
import { registerPull } from './pull';
import { registerPush } from './push';
import { registerRun } from './run';
import { registerSchema } from './schema';
import { registerServe } from './serve';
import { registerTemplates } from './templates';
import { registerUsers } from './users';
import { registerValidate } from './validate';

/** Each module adds one command (or a command group) to the program. Keep alphabetical. */
export const COMMAND_MODULES: ((program: Command) => void)[] = [
  registerAnalyze,
  registerDb,
  registerDiff,
  registerDraft,
  registerEvents,
  registerExport,
  registerFmt,
  registerImport,
  registerLogin,
  registerMigrate,
  registerNew,
  registerPull,
  registerPush,
  registerRun,
  registerSchema,
  registerServe,
  registerTemplates,
  registerUsers,
  registerValidate,
];
