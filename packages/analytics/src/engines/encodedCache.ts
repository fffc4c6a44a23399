import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AttributeColumn, EventLog } from '../model/EventLog';

interface Header {
  version: 1;
  /** Must equal the dataset's catalog stamp, else the cache is stale and ignored. */
  stamp: string;
  events: number;
  caseIds: string[];
  activities: string[];
  attributes: { key: string; values: string[] }[];
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Writes an encoded log as one binary file (header JSON, then the typed arrays back to back) so a
 * stored dataset loads with one read instead of millions of rows. Written to a temporary name and
 * renamed, so readers never see half a file.
 */
export function writeEncodedLog(file: string, log: EventLog, stamp: string): void {
  const n = log.activity.length;
  const attributes = [...log.attributes].map(([key, column]) => ({ key, column }));
  const header: Header = {
    version: 1,
    stamp,
    events: n,
    caseIds: log.caseIds,
    activities: log.activities,
    attributes: attributes.map(({ key, column }) => ({ key, values: column.values })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const int32s = [log.caseStart, log.activity, ...attributes.map(({ column }) => column.codes)];
  const int32Bytes = int32s.reduce((sum, array) => sum + array.byteLength, 0);
  const start = align8(4 + json.length);
  const floatsAt = align8(start + int32Bytes);
  const buffer = Buffer.alloc(floatsAt + 16 * n);
  buffer.writeUInt32LE(json.length, 0);
  json.copy(buffer, 4);
  const bytesOf = (array: Int32Array | Float64Array) =>
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let at = start;
  for (const array of int32s) {
    buffer.set(bytesOf(array), at);
    at += array.byteLength;
  }
  buffer.set(bytesOf(log.time), floatsAt);
  buffer.set(bytesOf(log.position), floatsAt + 8 * n);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, buffer);
  renameSync(temporary, file);
}

/** Reads a file written by {@link writeEncodedLog}; null when missing, stale or damaged. */
export function readEncodedLog(file: string, stamp: string): EventLog | null {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch {
    return null;
  }
  try {
    const length = buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.toString('utf8', 4, 4 + length)) as Header;
    if (header.version !== 1 || header.stamp !== stamp) return null;
    const n = header.events;
    const cases = header.caseIds.length;
    const copy = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    let at = align8(4 + length);
    const int32 = (count: number) => {
      const array = new Int32Array(copy, at, count);
      at += 4 * count;
      return array;
    };
    const caseStart = int32(cases + 1);
    const activity = int32(n);
    const attributes = new Map<string, AttributeColumn>();
    for (const { key, values } of header.attributes) attributes.set(key, { values, codes: int32(n) });
    at = align8(at);
    const time = new Float64Array(copy, at, n);
    const position = new Float64Array(copy, at + 8 * n, n);
    if (at + 16 * n !== buffer.byteLength || caseStart[cases] !== n) return null;
    return {
      caseIds: header.caseIds,
      activities: header.activities,
      caseStart,
      activity,
      time,
      position,
      attributes,
    };
  } catch {
    return null;
  }
}

/** Removes a cache file if it exists. */
export const removeEncodedLog = (file: string) => rmSync(file, { force: true });
