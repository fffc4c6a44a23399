/**
 * ISO-8601-style timestamps to epoch microseconds, exactly (no float rounding: microseconds since
 * 1970 stay below 2^53). Accepts `YYYY-MM-DD`, then optionally `T` or a space and
 * `HH:MM[:SS[.f…]]`, then `Z`, `±HH:MM`, `±HHMM`, `±HH` or nothing (= UTC). Fractions keep six
 * digits: longer ones (nanoseconds) are truncated to the microsecond. Returns NaN for anything
 * else so the caller can report the row.
 */
export function parseTimestampBytes(bytes: Uint8Array, start: number, end: number): number {
  return parseTimestampInto(bytes, start, end, single, 0) ? single[0]! : NaN;
}

const single = new Float64Array(1);

/**
 * {@link parseTimestampBytes} writing the result to `out[index]` and returning whether it is
 * valid: a double returned from a call that is not inlined is boxed, one heap number per row.
 */
export function parseTimestampInto(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: Float64Array,
  index: number,
): boolean {
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  let i: number;
  let base: number;
  let hasTime: boolean;
  if (end - start >= 13 && isCachedHour(bytes, start)) {
    // Consecutive events usually share the hour: date and hour were validated last time.
    base = cachedHourSeconds[0]!;
    i = start + 13;
    hasTime = true;
  } else {
    const year = readDigits(bytes, start, end, 4);
    const sep = bytes[start + 4];
    if (year < 0 || (sep !== 45 && sep !== 47)) return false;
    const month = readDigits(bytes, start + 5, end, 2);
    if (month < 1 || month > 12 || bytes[start + 7] !== sep) return false;
    const day = readDigits(bytes, start + 8, end, 2);
    if (day < 1 || day > daysInMonth(year, month)) return false;
    base = daysFromCivil(year, month, day) * 86400;
    i = start + 10;
    hasTime = i < end && (bytes[i] === 84 || bytes[i] === 116 || bytes[i] === 32);
    if (hasTime) {
      const hour = readDigits(bytes, i + 1, end, 2);
      if (hour < 0 || hour > 23) return false;
      base += hour * 3600;
      i += 3;
      for (let k = 0; k < 13; k++) cachedHour[k] = bytes[start + k]!;
      cachedHourSeconds[0] = base;
      hasCachedHour = true;
    }
  }
  let minute = 0;
  let second = 0;
  let micros = 0;
  if (hasTime) {
    if (bytes[i] !== 58) return false;
    minute = readDigits(bytes, i + 1, end, 2);
    i += 3;
    if (minute < 0 || minute > 59) return false;
    if (i < end && bytes[i] === 58) {
      second = readDigits(bytes, i + 1, end, 2);
      i += 3;
      if (second < 0 || second > 59) return false;
      if (i < end && (bytes[i] === 46 || bytes[i] === 44)) {
        i++;
        let count = 0;
        for (; i < end; i++, count++) {
          const digit = bytes[i]! - 48;
          if (digit < 0 || digit > 9) break;
          if (count < 6) micros = micros * 10 + digit;
        }
        if (count === 0) return false;
        for (; count < 6; count++) micros *= 10;
      }
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const sign = bytes[i];
    if ((sign === 90 || sign === 122) && i + 1 === end) i++;
    else if (sign === 43 || sign === 45) {
      const offsetHours = readDigits(bytes, i + 1, end, 2);
      i += 3;
      if (offsetHours < 0 || offsetHours > 23) return false;
      let offsetMins = 0;
      if (i < end) {
        if (bytes[i] === 58) i++;
        offsetMins = readDigits(bytes, i, end, 2);
        i += 2;
        if (offsetMins < 0 || offsetMins > 59) return false;
      }
      offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
    }
    if (i !== end) return false;
  }
  out[index] = (base + (minute - offsetMinutes) * 60 + second) * 1_000_000 + micros;
  return true;
}

// The last valid `YYYY-MM-DDTHH` prefix and its epoch seconds.
const cachedHour = new Uint8Array(13);
// (A typed array, so that storing it does not box a number.)
const cachedHourSeconds = new Float64Array(1);
let hasCachedHour = false;

function isCachedHour(bytes: Uint8Array, start: number): boolean {
  if (!hasCachedHour) return false;
  for (let k = 12; k >= 0; k--) if (bytes[start + k] !== cachedHour[k]) return false;
  return true;
}

/** The number written by `count` ASCII digits at `from`, or -1. */
function readDigits(bytes: Uint8Array, from: number, end: number, count: number): number {
  if (from + count > end) return -1;
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = bytes[from + k]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** String form of {@link parseTimestampBytes}. */
export function parseTimestamp(value: string): number {
  const bytes = Buffer.from(value, 'latin1');
  return parseTimestampBytes(bytes, 0, bytes.length);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** This module's parser as a plain script (it imports nothing), for the parallel CSV reader's worker. */
export function timestampScript(): string {
  return [
    'const cachedHour = new Uint8Array(13);',
    'const cachedHourSeconds = new Float64Array(1);',
    'let hasCachedHour = false;',
    ...[parseTimestampInto, isCachedHour, readDigits, daysInMonth, daysFromCivil].map(String),
  ].join('\n');
}
