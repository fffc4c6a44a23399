import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTimestamp, readLog } from '../src/index';
import { CsvTokenizer } from '../src/import/csvTokenizer';
import { logFrom, paths, scratchDirectory } from './support';

const dir = scratchDirectory();
afterAll(dir.cleanup);

const CSV = [
  'case_id,activity,timestamp,channel',
  'c2,Pay,2024-01-01T10:00:00Z,web',
  'c1,Visit,2024-01-01T09:00:00.000001Z,web',
  'c1,"Add, to cart",2024-01-01T09:05:00+01:00,app',
  'c1,Search,2024-01-01T09:00:00.000001Z,',
  'c2,Visit,2024-01-01T09:59:59.5,"say ""hi"""',
].join('\n');

describe('timestamps', () => {
  it('reads offsets, missing offsets as UTC and 0-6 fraction digits exactly', () => {
    expect(parseTimestamp('2011-10-11T13:45:40.276+02:00')).toBe(parseTimestamp('2011-10-11T11:45:40.276Z'));
    expect(parseTimestamp('2011-10-11T11:45:40')).toBe(Date.UTC(2011, 9, 11, 11, 45, 40) * 1000);
    expect(parseTimestamp('2024-02-29T00:00:00.123456Z') % 1_000_000).toBe(123456);
    expect(parseTimestamp('2024-02-29 00:00:00.1-0130')).toBe(Date.UTC(2024, 1, 29, 1, 30) * 1000 + 100_000);
    expect(parseTimestamp('2024-01-01')).toBe(Date.UTC(2024, 0, 1) * 1000);
  });
  it('truncates fractions beyond six digits (nanoseconds) to the microsecond', () => {
    const second = Date.UTC(2024, 0, 1, 10) * 1000;
    expect(parseTimestamp('2024-01-01T10:00:00.1234567Z')).toBe(second + 123456);
    expect(parseTimestamp('2024-01-01T10:00:00.999999999')).toBe(second + 999999);
    expect(parseTimestamp('2024-01-01T12:00:00.000000500+02:00')).toBe(second);
    expect(parseTimestamp('1969-12-31T23:59:59.0000019Z')).toBe(-1_000_000 + 1);
  });
  it('rejects impossible dates, bad fractions and trailing junk', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-01-01T24:00:00',
      '2024-01-01T00:00:00.',
      '2024-01-01T00:00:00.1234567x',
      '2024-01-01T10',
      '2024-01-01T25:00:00',
      '2024-01-01Tx',
      'soon',
      '',
    ]) {
      expect(parseTimestamp(bad), bad).toBeNaN();
    }
  });
});

describe('ordering rule', () => {
  it('orders a case by timestamp, equal timestamps keeping file order, offsets honoured', async () => {
    const log = await logFrom(dir.path, 'order.csv', CSV);
    // 09:05+01:00 is 08:05Z, before both 09:00:00.000001 events, which keep their file order
    expect(paths(log)).toEqual(['c2: Visit,Pay', 'c1: Add, to cart,Visit,Search']);
    expect(log.position[log.caseStart[1]!]).toBe(2);
  });
  it('keeps tied events in file order even when they are many', async () => {
    const rows = ['case_id,activity,timestamp'];
    for (let i = 0; i < 100; i++)
      rows.push(`k,A${String(i).padStart(3, '0')},2024-01-01T00:00:${i < 50 ? '01' : '00'}Z`);
    const log = await logFrom(dir.path, 'ties.csv', rows.join('\n'));
    const expected = [...rows.slice(51), ...rows.slice(1, 51)].map((row) => row.split(',')[1]);
    expect(paths(log)).toEqual([`k: ${expected.join(',')}`]);
  });
});

describe('formats', () => {
  it('reads the same events from CSV, gzipped CSV, JSONL, XES and Parquet', async () => {
    const csv = await logFrom(dir.path, 'same.csv', CSV);
    const gz = await logFrom(dir.path, 'same.csv.gz', gzipSync(CSV));
    const jsonl = await logFrom(
      dir.path,
      'same.jsonl',
      CSV.split('\n')
        .slice(1)
        .map((line) => {
          const cells = line
            .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
            .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
          const [case_id, activity, timestamp, channel] = cells;
          return JSON.stringify({ case_id, activity, timestamp, ...(channel ? { channel } : {}) });
        })
        .join('\n'),
    );
    const xes = await logFrom(
      dir.path,
      'same.xes',
      `<?xml version="1.0"?><log><trace><string key="concept:name" value="c2"/>
        <event><string key="concept:name" value="Pay"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/><string key="channel" value="web"/></event>
        <event><string key="concept:name" value="Visit"/><date key="time:timestamp" value="2024-01-01T09:59:59.5"/><string key="channel" value='say "hi"'/></event>
      </trace><trace><string key="concept:name" value="c1"/>
        <event><string key="concept:name" value="Visit"/><date key="time:timestamp" value="2024-01-01T09:00:00.000001Z"/><string key="channel" value="web"/></event>
        <event><string key="concept:name" value="Add, to cart"/><date key="time:timestamp" value="2024-01-01T09:05:00+01:00"/><string key="channel" value="app"/></event>
        <event><string key="concept:name" value="Search"/><date key="time:timestamp" value="2024-01-01T09:00:00.000001Z"/></event>
      </trace></log>`,
    );
    const csvFile = join(dir.path, 'for-parquet.csv');
    writeFileSync(csvFile, CSV);
    const parquetFile = join(dir.path, 'same.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv('${csvFile.replace(/'/g, "''")}', all_varchar = true)) TO '${parquetFile}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const parquet = (await readLog(parquetFile)).log;
    for (const other of [gz, jsonl, xes, parquet]) {
      expect(paths(other)).toEqual(paths(csv));
      expect(Array.from(other.time)).toEqual(Array.from(csv.time));
      const channel = other.attributes.get('channel')!;
      expect(Array.from(channel.codes, (code) => (code < 0 ? null : channel.values[code]))).toEqual([
        'say "hi"',
        'web',
        'app',
        'web',
        null,
      ]);
    }
  });

  it('reads nanosecond timestamps from CSV, JSONL and XES as the same truncated microseconds', async () => {
    const stamps = ['2024-01-01T10:00:00.123456789Z', '2024-01-01T11:00:00.0000009+01:00'];
    const csv = await logFrom(
      dir.path,
      'nanos.csv',
      `case_id,activity,timestamp\nn,A,${stamps[0]}\nn,B,${stamps[1]}\n`,
    );
    const jsonl = await logFrom(
      dir.path,
      'nanos.jsonl',
      stamps.map((timestamp, i) => JSON.stringify({ case_id: 'n', activity: 'AB'[i], timestamp })).join('\n'),
    );
    const xes = await logFrom(
      dir.path,
      'nanos.xes',
      `<log><trace><string key="concept:name" value="n"/>${stamps
        .map(
          (stamp, i) =>
            `<event><string key="concept:name" value="${'AB'[i]}"/><date key="time:timestamp" value="${stamp}"/></event>`,
        )
        .join('')}</trace></log>`,
    );
    const ten = Date.UTC(2024, 0, 1, 10) * 1000;
    for (const log of [csv, jsonl, xes]) {
      expect(paths(log)).toEqual(['n: B,A']);
      expect(Array.from(log.time)).toEqual([ten, ten + 123456]);
    }
  });

  it('floors Parquet TIMESTAMP_NS to the microsecond like the text parser, before 1970 too', async () => {
    const file = join(dir.path, 'nanos.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('n', 'A', '2024-01-01 10:00:00.123456789'::TIMESTAMP_NS),
         ('m', 'B', '1969-12-31 23:59:59.0000019'::TIMESTAMP_NS)) t(case_id, activity, timestamp))
       TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const { log } = await readLog(file);
    const fromText = [
      parseTimestamp('2024-01-01T10:00:00.123456789Z'),
      parseTimestamp('1969-12-31T23:59:59.0000019Z'),
    ];
    expect(Array.from(log.time)).toEqual(fromText);
    expect(fromText).toEqual([Date.UTC(2024, 0, 1, 10) * 1000 + 123456, -999_999]);
  });

  it('completes a record cut by a chunk boundary even when its quoted field spans many lines', () => {
    const long = Array.from({ length: 200 }, (_, i) => `line ${i}, "said" x`).join('\n');
    const quoted = `"${long.replace(/"/g, '""')}"`;
    const text = Buffer.from(`a,b\n1,${quoted}\n2,y\n3,${quoted}\n4,z\n`);
    const collect = (chunkSize: number) => {
      const records: string[] = [];
      const tokenizer = new CsvTokenizer(
        44,
        (data, starts, ends, escaped, count, line) =>
          records.push(
            `${line}:${data.toString('utf8', starts[0], ends[0])}:${ends[1]! - starts[1]!}:${escaped[1]}`,
          ),
        (line, message) => records.push(`problem ${line} ${message}`),
      );
      for (let at = 0; at < text.length; at += chunkSize) tokenizer.push(text.subarray(at, at + chunkSize));
      tokenizer.end();
      return records;
    };
    const field = quoted.length - 2;
    const whole = collect(text.length);
    expect(whole).toEqual(['1:a:1:0', `2:1:${field}:1`, '202:2:1:0', `203:3:${field}:1`, '403:4:1:0']);
    for (const size of [1, 7, 64, 1000, 4096]) expect(collect(size)).toEqual(whole);
  });

  it('tokenizes identically whatever the chunk boundaries (quotes, CRLF, embedded newlines)', () => {
    const text = Buffer.from('a,b\r\n"x\r\ny",2\r\n"p""q",3\n,4\r\nlast,5');
    const collect = (chunkSize: number) => {
      const records: string[][] = [];
      const tokenizer = new CsvTokenizer(
        44,
        (data, starts, ends, _escaped, count) =>
          records.push(Array.from({ length: count }, (_, i) => data.toString('utf8', starts[i], ends[i]))),
        (line, message) => records.push([`problem ${line} ${message}`]),
      );
      for (let at = 0; at < text.length; at += chunkSize) tokenizer.push(text.subarray(at, at + chunkSize));
      tokenizer.end();
      return records;
    };
    const whole = collect(text.length);
    expect(whole).toEqual([
      ['a', 'b'],
      ['x\r\ny', '2'],
      ['p""q', '3'],
      ['', '4'],
      ['last', '5'],
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(collect(size)).toEqual(whole);
  });

  it('reports a stray quote inside an unquoted field with its line, then reads on', () => {
    const records: string[] = [];
    const tokenizer = new CsvTokenizer(
      44,
      (data, starts, ends, _escaped, count) =>
        records.push(
          Array.from({ length: count }, (_, i) => data.toString('utf8', starts[i], ends[i])).join('|'),
        ),
      (line, message) => records.push(`problem ${line} ${message}`),
    );
    tokenizer.push(Buffer.from('a,b\nx,y"z\nc,d'));
    tokenizer.end();
    expect(records).toEqual(['a|b', 'problem 2 stray quote inside an unquoted field', 'c|d']);
  });

  it('detects semicolon and tab separated files and maps columns by alias and by option', async () => {
    const semi = await logFrom(
      dir.path,
      'semi.csv',
      'Case ID;Event;Time\nA;x;2024-01-01 00:00:00\nA;y;2024-01-01 00:00:01\n',
    );
    expect(paths(semi)).toEqual(['A: x,y']);
    const file = join(dir.path, 'custom.tsv');
    writeFileSync(file, 'who\twhat\twhen\nA\ty\t2024-01-02\nA\tx\t2024-01-01\n');
    const { log } = await readLog(file, { columns: { case: 'who', activity: 'what', timestamp: 'when' } });
    expect(paths(log)).toEqual(['A: x,y']);
  });
});
