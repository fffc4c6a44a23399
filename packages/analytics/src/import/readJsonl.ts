import { StringDecoder } from 'node:string_decoder';
import { EventLogBuilder } from '../model/EventLogBuilder';
import { resolveColumns } from './columns';
import { RowErrors, logError, withLine } from './logError';
import type { StreamReadOptions } from './readCsv';
import { parseTimestamp } from './timestamp';

const asText = (value: unknown): string | undefined =>
  value === null || value === undefined
    ? undefined
    : typeof value === 'string'
      ? value
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** Reads JSON Lines: one object per line; keys other than the three key columns become attributes. */
export async function readJsonl(
  file: string,
  chunks: AsyncIterable<Buffer>,
  options: StreamReadOptions = {},
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const errors = new RowErrors(file, options.onError ?? 'fail');
  const builder = new EventLogBuilder();
  const decoder = new StringDecoder('utf8');
  let keys: { case: string; activity: string; timestamp: string } | null = null;
  let line = 0;
  let rest = '';

  const handle = (text: string) => {
    line++;
    if (text.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (error) {
      errors.bad(line, `not valid JSON (${(error as Error).message})`);
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      errors.bad(line, 'each line must be a JSON object');
      return;
    }
    const record = row as Record<string, unknown>;
    if (!keys) {
      const names = Object.keys(record);
      const found = resolveColumns(names, options.columns ?? {}, file);
      keys = {
        case: names[found.case]!,
        activity: names[found.activity]!,
        timestamp: names[found.timestamp]!,
      };
    }
    const caseId = asText(record[keys.case]);
    const activity = asText(record[keys.activity]);
    const stamp = record[keys.timestamp];
    if (!caseId) return errors.bad(line, `missing case id "${keys.case}"`);
    if (!activity) return errors.bad(line, `missing activity "${keys.activity}"`);
    const micros = typeof stamp === 'string' ? parseTimestamp(stamp) : NaN;
    if (Number.isNaN(micros))
      return errors.bad(line, `cannot read timestamp ${JSON.stringify(stamp ?? null)}`);
    const index = builder.add(
      builder.cases.internString(caseId),
      builder.activities.internString(activity),
      micros,
    );
    for (const [key, value] of Object.entries(record)) {
      if (key === keys.case || key === keys.activity || key === keys.timestamp) continue;
      const text = asText(value);
      if (text === undefined) continue;
      const a = builder.attributeIndex(key);
      builder.setAttribute(index, a, builder.attributeDictionary(a).internString(text));
    }
    if ((index & 0xffff) === 0) options.onEvents?.(index);
  };

  try {
    for await (const chunk of chunks) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop()!;
      for (const text of lines) handle(text);
    }
    rest += decoder.end();
    if (rest !== '') handle(rest);
  } catch (error) {
    throw withLine(error, file, line + 1);
  }
  if (builder.size === 0)
    throw logError(file, Math.max(line, 1), keys ? 'the log has no events' : 'the log is empty');
  return { builder, skipped: errors.skipped };
}
