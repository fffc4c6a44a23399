import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNEY_FILE } from './links';

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist']);

function journeyFilesUnder(directory: string, found: string[]): void {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) journeyFilesUnder(path, found);
    else if (entry.isFile() && JOURNEY_FILE.test(entry.name)) found.push(path);
  }
}

/**
 * Command-line inputs as files: a directory stands for every `*.journey.json|yaml|yml` below it
 * (sorted; hidden folders and node_modules skipped); anything else is kept as given, so a
 * missing file is reported by the command that reads it.
 */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDirectory = false;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch (error) {
      void error; // not there: the reading command reports it with the file name
    }
    if (isDirectory) journeyFilesUnder(input, files);
    else files.push(input);
  }
  return files;
}
