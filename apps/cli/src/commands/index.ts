import type { Command } from 'commander';

/** Each module adds one command (or a command group) to the program. Keep alphabetical. */
export const COMMAND_MODULES: ((program: Command) => void)[] = [];
