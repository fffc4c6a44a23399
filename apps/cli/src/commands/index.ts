import type { Command } from 'commander';
import { registerExport } from './export';
import { registerFmt } from './fmt';
import { registerMigrate } from './migrate';
import { registerRun } from './run';
import { registerSchema } from './schema';
import { registerValidate } from './validate';

/** Each module adds one command (or a command group) to the program. Keep alphabetical. */
export const COMMAND_MODULES: ((program: Command) => void)[] = [
  registerExport,
  registerFmt,
  registerMigrate,
  registerRun,
  registerSchema,
  registerValidate,
];
