import type { EventLog } from '../model/EventLog';
import type { ColumnMapping } from './columns';
import type { OnError } from './logError';
import { detectFormat, readChunks, type LogFormat, type ProgressListener } from './openInput';
import { readCsv } from './readCsv';
import { readCsvParallel, type ParallelCsvOptions } from './readCsvParallel';
import { readJsonl } from './readJsonl';
import { readParquet } from './readParquet';
import { readXes } from './readXes';

export interface ReadLogOptions {
  /** Overrides detection from the file name and content. */
  format?: LogFormat;
  columns?: ColumnMapping;
  /** `fail` (default) stops at the first bad row with `LOG:LINE: message`; `skip` counts them. */
  onError?: OnError;
  onProgress?: ProgressListener;
  /**
   * Read a large uncompressed CSV file on two threads (off by default: on the 2-core machines
   * measured, a busy second core made it slower than one thread; see the package README).
   */
  parallel?: boolean | ParallelCsvOptions;
}

export interface ReadLogResult {
  log: EventLog;
  format: LogFormat;
  /** Rows skipped because of `onError: 'skip'`. */
  skipped: number;
}

/**
 * Reads an event log file (CSV, JSONL, XES or Parquet, optionally gzipped) into an encoded
 * {@link EventLog} in analysis order. Bad input throws `INVALID_EVENT_LOG` (`LOG:LINE: message`).
 */
export async function readLog(file: string, options: ReadLogOptions = {}): Promise<ReadLogResult> {
  const format = options.format ?? (await detectFormat(file));
  let bytesRead = 0;
  let totalBytes = 0;
  const report = (events: number) => options.onProgress?.({ bytesRead, totalBytes, events });
  const streamOptions = { columns: options.columns, onError: options.onError, onEvents: report };
  const chunks = (reuseBuffer = false) => readChunks(file, onBytes, { reuseBuffer });
  const onBytes = (read: number, total: number) => {
    bytesRead = read;
    totalBytes = total;
  };
  const readCsvFile = async () => {
    const parallel = options.parallel === true ? {} : options.parallel;
    const onTwoThreads = parallel
      ? await readCsvParallel(file, streamOptions, { ...parallel, onBytes })
      : null;
    return onTwoThreads ?? (await readCsv(file, chunks(true), streamOptions, () => totalBytes));
  };
  const { builder, skipped } =
    format === 'parquet'
      ? await readParquet(file, streamOptions)
      : format === 'xes'
        ? await readXes(file, chunks(), streamOptions)
        : format === 'jsonl'
          ? await readJsonl(file, chunks(), streamOptions)
          : await readCsvFile();
  report(builder.size);
  return { log: builder.build(), format, skipped };
}
