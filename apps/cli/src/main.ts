import { Command, CommanderError } from 'commander';
import { isTrailmapError } from '@trailmap/schema';
import { COMMAND_MODULES } from './commands/index';
import { CliError, EXIT } from './errors';

/**
 * Builds the `trailmap` program; every subcommand lives in its own module under commands/. Only
 * the module of the requested command is loaded (all of them for help or an unknown command),
 * so a quick `trailmap validate` does not wait for the server or DuckDB to load.
 */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command('trailmap')
    .description('Customer journey maps as code: validate, format, diff, convert, export, analyze and serve.')
    .version('0.1.0')
    .option('--debug', 'print stack traces for unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const requested = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const only = COMMAND_MODULES.filter((module) => module.name === requested);
  const modules = only.length > 0 ? only : COMMAND_MODULES;
  const registers = await Promise.all(modules.map((module) => module.load()));
  for (const register of registers) register(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 invalid input or failed check, 2 usage, 3 internal. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      if (error.message) process.stderr.write(`trailmap: ${error.message}\n`);
      return error.exitCode;
    }
    if (isTrailmapError(error)) {
      process.stderr.write(`trailmap: ${error.message}\n`);
      return EXIT.invalid;
    }
    const fileProblem = describeFileSystemError(error);
    if (fileProblem) {
      process.stderr.write(`trailmap: ${fileProblem}\n`);
      return EXIT.invalid;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(
      `trailmap: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
        (debug && error instanceof Error ? `${error.stack}\n` : 'run again with --debug for details\n'),
    );
    return EXIT.internal;
  }
}

/** Codes of file-system failures the user can fix (wrong path, permissions, full disk). */
const FILE_SYSTEM_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
};

function describeFileSystemError(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !(code in FILE_SYSTEM_CODES)) return undefined;
  return `${typeof path === 'string' ? `${path}: ` : ''}${FILE_SYSTEM_CODES[code]}`;
}
