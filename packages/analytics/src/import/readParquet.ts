import { DuckDBInstance } from '@duckdb/node-api';
import { EventLogBuilder } from '../model/EventLogBuilder';
import { resolveColumns } from './columns';
import { RowErrors, logError } from './logError';
import type { StreamReadOptions } from './readCsv';
import { parseTimestamp } from './timestamp';

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads a Parquet file through an in-memory DuckDB (Parquet needs a columnar reader; DuckDB's is
 * the one we already ship). Row order of the file is the input position. Timestamps stored as
 * TIMESTAMP/TIMESTAMPTZ are taken as instants; text timestamps go through our parser.
 */
export async function readParquet(
  file: string,
  options: StreamReadOptions = {},
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const errors = new RowErrors(file, options.onError ?? 'fail');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    let described;
    try {
      described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($file)', { file });
    } catch (error) {
      throw logError(
        file,
        0,
        `not a readable Parquet file (${(error as Error).message.split('\n')[0]})`,
        error,
      );
    }
    const rows = described.getRows();
    const names = rows.map((row) => String(row[0]));
    const types = rows.map((row) => String(row[1]));
    const keys = resolveColumns(names, options.columns ?? {}, file);
    const isInstant = /^TIMESTAMP/.test(types[keys.timestamp]!) || types[keys.timestamp] === 'DATE';
    const extras = names
      .map((_, i) => i)
      .filter((i) => i !== keys.case && i !== keys.activity && i !== keys.timestamp);
    const stampColumn = quoteIdentifier(names[keys.timestamp]!);
    // Nanoseconds are floored to the microsecond like the text parser truncates fraction digits
    // (a plain cast rounds toward zero, which differs before 1970); integer arithmetic stays exact.
    const nanos = `epoch_ns(${stampColumn})`;
    const instant =
      types[keys.timestamp] === 'TIMESTAMP_NS'
        ? `CAST((${nanos} - ((${nanos} % 1000 + 1000) % 1000)) // 1000 AS DOUBLE)`
        : `CAST(epoch_us(CAST(${stampColumn} AS TIMESTAMP)) AS DOUBLE)`;
    const select = [
      `CAST(${quoteIdentifier(names[keys.case]!)} AS VARCHAR)`,
      `CAST(${quoteIdentifier(names[keys.activity]!)} AS VARCHAR)`,
      isInstant ? instant : `CAST(${stampColumn} AS VARCHAR)`,
      ...extras.map((i) => `CAST(${quoteIdentifier(names[i]!)} AS VARCHAR)`),
    ].join(', ');
    const builder = new EventLogBuilder(extras.map((i) => names[i]!));
    const result = await connection.stream(`SELECT ${select} FROM read_parquet($file)`, { file });
    let row = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const columns = chunk.getColumns();
      for (let r = 0; r < chunk.rowCount; r++) {
        row++;
        const caseId = columns[0]![r] as string | null;
        const activity = columns[1]![r] as string | null;
        const stamp = columns[2]![r] as number | string | null;
        if (!caseId) {
          errors.bad(row, 'empty case id');
          continue;
        }
        if (!activity) {
          errors.bad(row, 'empty activity');
          continue;
        }
        const micros = typeof stamp === 'number' ? stamp : stamp === null ? NaN : parseTimestamp(stamp);
        if (Number.isNaN(micros)) {
          errors.bad(row, `cannot read timestamp ${JSON.stringify(stamp)}`);
          continue;
        }
        const index = builder.add(
          builder.cases.internString(caseId),
          builder.activities.internString(activity),
          micros,
        );
        for (let x = 0; x < extras.length; x++) {
          const value = columns[3 + x]![r] as string | null;
          if (value !== null)
            builder.setAttribute(index, x, builder.attributeDictionary(x).internString(value));
        }
      }
      options.onEvents?.(builder.size);
    }
    if (builder.size === 0) throw logError(file, 0, 'the log has no events');
    return { builder, skipped: errors.skipped };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
