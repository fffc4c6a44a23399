import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EventLogBuilder } from '../model/EventLogBuilder';
import type { ColumnMapping } from './columns';
import { RowErrors, logError, withLine } from './logError';
import type { StreamReadOptions } from './readCsv';
import { parseTimestamp } from './timestamp';

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

interface PendingEvent {
  line: number;
  attributes: Map<string, string>;
}

/** XES keys: a `case:` prefix names a trace attribute, anything else an event attribute. */
function xesKeys(columns: ColumnMapping = {}) {
  return {
    case: columns.case ?? 'case:concept:name',
    activity: columns.activity ?? 'concept:name',
    timestamp: columns.timestamp ?? 'time:timestamp',
  };
}

/**
 * Streams an XES document (IEEE 1849) with saxes: every `<event>` inside a `<trace>` is one event
 * (no lifecycle filtering); trace attributes are kept as `case:<key>` attributes.
 */
export async function readXes(
  file: string,
  chunks: AsyncIterable<Buffer>,
  options: StreamReadOptions = {},
): Promise<{ builder: EventLogBuilder; skipped: number }> {
  const keys = xesKeys(options.columns);
  const errors = new RowErrors(file, options.onError ?? 'fail');
  const builder = new EventLogBuilder();
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let traceAttributes = new Map<string, string>();
  let traceLine = 0;
  let events: PendingEvent[] = [];
  let current: PendingEvent | null = null;
  let sawLog = false;
  let failure: unknown = null;
  let xmlFailure: unknown = null;

  const flushTrace = () => {
    const caseId = keys.case.startsWith('case:') ? traceAttributes.get(keys.case.slice(5)) : undefined;
    for (const event of events) {
      const id = caseId ?? event.attributes.get(keys.case);
      const activity = event.attributes.get(keys.activity);
      const stamp = event.attributes.get(keys.timestamp);
      if (id === undefined || id === '') {
        errors.bad(traceLine, `trace without a "${keys.case}" attribute`);
        continue;
      }
      if (activity === undefined || activity === '') {
        errors.bad(event.line, `event without a "${keys.activity}" attribute`);
        continue;
      }
      const micros = stamp === undefined ? NaN : parseTimestamp(stamp);
      if (Number.isNaN(micros)) {
        errors.bad(
          event.line,
          stamp === undefined
            ? `event without a "${keys.timestamp}" attribute`
            : `cannot read timestamp "${stamp}"`,
        );
        continue;
      }
      const index = builder.add(
        builder.cases.internString(id),
        builder.activities.internString(activity),
        micros,
      );
      for (const [key, value] of event.attributes) {
        if (key === keys.activity || key === keys.timestamp || key === keys.case) continue;
        const a = builder.attributeIndex(key);
        builder.setAttribute(index, a, builder.attributeDictionary(a).internString(value));
      }
      for (const [key, value] of traceAttributes) {
        if (`case:${key}` === keys.case) continue;
        const a = builder.attributeIndex(`case:${key}`);
        builder.setAttribute(index, a, builder.attributeDictionary(a).internString(value));
      }
      if ((index & 0xffff) === 0) options.onEvents?.(index);
    }
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'log')
        failure = logError(file, parser.line, `invalid XES: the root element is <${name}>, not <log>`);
      sawLog = true;
      return;
    }
    if (name === 'trace' && parent === 'log') {
      traceAttributes = new Map();
      traceLine = parser.line;
      events = [];
    } else if (name === 'event' && parent === 'trace') {
      current = { line: parser.line, attributes: new Map() };
    } else if (ATTRIBUTE_TAGS.has(name) && (parent === 'event' || parent === 'trace')) {
      const key = tag.attributes.key;
      const value = tag.attributes.value;
      if (typeof key !== 'string' || typeof value !== 'string') return;
      if (parent === 'event' && current) current.attributes.set(key, value);
      else if (parent === 'trace' && stack[stack.length - 3] === 'log') traceAttributes.set(key, value);
    }
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'event' && stack[stack.length - 1] === 'trace' && current) {
      events.push(current);
      current = null;
    } else if (tag.name === 'trace' && stack[stack.length - 1] === 'log') {
      try {
        flushTrace();
      } catch (error) {
        failure = error;
      }
    }
  });
  parser.on('error', (error) => {
    xmlFailure ??= logError(
      file,
      parser.line,
      `invalid XES: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`,
    );
  });

  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of chunks) {
      parser.write(decoder.write(chunk));
      if (xmlFailure ?? failure) throw xmlFailure ?? failure;
    }
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    throw withLine(xmlFailure ?? failure ?? error, file, parser.line);
  }
  if (xmlFailure ?? failure) throw xmlFailure ?? failure;
  if (!sawLog) throw logError(file, 1, 'the log is empty');
  if (builder.size === 0) throw logError(file, parser.line, 'the log has no events');
  return { builder, skipped: errors.skipped };
}
