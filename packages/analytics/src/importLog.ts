import type { DatasetInfo, Engine } from './Engine';
import { readLog, type ReadLogOptions } from './import/readLog';

export interface ImportReport {
  dataset: DatasetInfo;
  skipped: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Reads a log file and stores it as a dataset in one step. The file is fully parsed and checked
 * before anything is written, so a bad file leaves the previous dataset untouched.
 */
export async function importLog(
  engine: Engine,
  file: string,
  options: ReadLogOptions & { dataset: string },
): Promise<ImportReport> {
  const started = performance.now();
  const { log, skipped } = await readLog(file, options);
  const dataset = await engine.saveDataset(options.dataset, log, {
    source: file.split(/[\\/]/).pop() ?? file,
  });
  const seconds = (performance.now() - started) / 1000;
  return { dataset, skipped, seconds, eventsPerSecond: seconds === 0 ? 0 : dataset.events / seconds };
}
