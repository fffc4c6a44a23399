import { Dictionary } from './Dictionary';
import type { AttributeColumn, EventLog } from './EventLog';

/**
 * Collects events in input order (dictionary-encoding case ids, activities and attribute values)
 * and turns them into an {@link EventLog} in analysis order: a stable counting sort by case,
 * then, inside each case, a stable sort by timestamp (input position breaks ties).
 */
export class EventLogBuilder {
  readonly cases = new Dictionary(1 << 16);
  readonly activities = new Dictionary(256);
  private caseCodes = new Int32Array(1 << 16);
  private activityCodes = new Int32Array(1 << 16);
  private times = new Float64Array(1 << 16);
  /** Input positions, written while adding: a one-off fill in build() would run unoptimized. */
  private positions = new Float64Array(1 << 16);
  private count = 0;
  private readonly attributeKeys: string[] = [];
  private readonly attributeDictionaries: Dictionary[] = [];
  private attributeCodes: Int32Array[] = [];
  // Whether the events so far arrived grouped by case in code order and in time order inside
  // each case, tracked while adding so that build() needs no extra passes over cold code.
  private isInOrder = true;
  private lastCase = -1;
  private lastTime = 0;
  /** While in order: index of each case's first event. */
  private caseFirst = new Int32Array(1 << 10);

  /** `expectedEvents` sizes the columns once (growing by doubling touches twice the memory). */
  constructor(attributeKeys: readonly string[] = [], expectedEvents = 0) {
    if (expectedEvents > this.caseCodes.length) {
      this.caseCodes = new Int32Array(expectedEvents);
      this.activityCodes = new Int32Array(expectedEvents);
      this.times = new Float64Array(expectedEvents);
      this.positions = new Float64Array(expectedEvents);
    }
    for (const key of attributeKeys) this.attributeIndex(key);
  }

  get size(): number {
    return this.count;
  }

  /** Index of an attribute column, creating it (filled with "no value") on first use. */
  attributeIndex(key: string): number {
    const known = this.attributeKeys.indexOf(key);
    if (known >= 0) return known;
    this.attributeKeys.push(key);
    this.attributeDictionaries.push(new Dictionary(64));
    this.attributeCodes.push(new Int32Array(this.caseCodes.length).fill(-1));
    return this.attributeKeys.length - 1;
  }

  attributeDictionary(index: number): Dictionary {
    return this.attributeDictionaries[index]!;
  }

  /** Appends one event; returns its index so attribute codes can be set with {@link setAttribute}. */
  add(caseCode: number, activityCode: number, micros: number): number {
    if (this.count === this.caseCodes.length) this.grow();
    const index = this.count++;
    this.caseCodes[index] = caseCode;
    this.activityCodes[index] = activityCode;
    this.times[index] = micros;
    this.positions[index] = index;
    if (caseCode !== this.lastCase) {
      if (caseCode !== this.lastCase + 1) this.isInOrder = false;
      else this.markCaseStart(caseCode, index);
      this.lastCase = caseCode;
    } else if (micros < this.lastTime) this.isInOrder = false;
    this.lastTime = micros;
    return index;
  }

  private markCaseStart(caseCode: number, index: number): void {
    if (caseCode >= this.caseFirst.length) {
      const grown = new Int32Array(this.caseFirst.length * 2);
      grown.set(this.caseFirst);
      this.caseFirst = grown;
    }
    this.caseFirst[caseCode] = index;
  }

  setAttribute(eventIndex: number, attribute: number, code: number): void {
    this.attributeCodes[attribute]![eventIndex] = code;
  }

  /** Drops the last event (used when a row turns out to be bad after it was added). */
  removeLast(): void {
    if (this.count === 0) return;
    this.count--;
    this.isInOrder = false;
    for (const codes of this.attributeCodes) codes[this.count] = -1;
  }

  build(): EventLog {
    const n = this.count;
    const caseTotal = this.cases.size;
    if (this.isInOrder && this.lastCase === caseTotal - 1) return this.columnsAsTheyAre();
    const caseStart = new Int32Array(caseTotal + 1);
    for (let e = 0; e < n; e++) caseStart[this.caseCodes[e]! + 1]!++;
    for (let c = 0; c < caseTotal; c++) caseStart[c + 1]! += caseStart[c]!;
    const order = this.isGroupedByCase() ? null : new Int32Array(n);
    if (order) {
      const next = caseStart.slice(0, caseTotal);
      for (let e = 0; e < n; e++) order[next[this.caseCodes[e]!]!++] = e;
    }
    // Logs usually arrive grouped by case and in time order: then nothing moves, and the columns
    // are handed over as they are instead of copied (fresh memory is the slow part of a read).
    let permutation: Int32Array | null = order;
    for (let c = 0; c < caseTotal; c++) {
      const from = caseStart[c]!;
      const to = caseStart[c + 1]!;
      if (!permutation && isSortedByTime(this.times, from, to)) continue;
      const sorting: Int32Array = permutation ?? identity(n);
      sortCaseByTime(sorting, from, to, this.times);
      permutation = sorting;
    }
    const gather = <T extends Int32Array | Float64Array>(source: T, target: () => T): T => {
      if (!permutation) return source.subarray(0, n) as T;
      const out = target();
      for (let i = 0; i < n; i++) out[i] = source[permutation[i]!]!;
      return out;
    };
    const position = this.positions.subarray(0, n);
    if (permutation) for (let i = 0; i < n; i++) position[i] = permutation[i]!;
    const attributes = new Map<string, AttributeColumn>();
    this.attributeKeys.forEach((key, a) => {
      const codes = gather(this.attributeCodes[a]!, () => new Int32Array(n));
      attributes.set(key, { values: this.attributeDictionaries[a]!.values(), codes });
    });
    return {
      caseIds: this.cases.values(),
      activities: this.activities.values(),
      caseStart,
      activity: gather(this.activityCodes, () => new Int32Array(n)),
      time: gather(this.times, () => new Float64Array(n)),
      position,
      attributes,
    };
  }

  /** The log when events arrived in analysis order: the columns are handed over, not copied. */
  private columnsAsTheyAre(): EventLog {
    const n = this.count;
    const caseTotal = this.cases.size;
    const caseStart = new Int32Array(caseTotal + 1);
    caseStart.set(this.caseFirst.subarray(0, caseTotal));
    caseStart[caseTotal] = n;
    const attributes = new Map<string, AttributeColumn>();
    this.attributeKeys.forEach((key, a) => {
      const values = this.attributeDictionaries[a]!.values();
      attributes.set(key, { values, codes: this.attributeCodes[a]!.subarray(0, n) });
    });
    return {
      caseIds: this.cases.values(),
      activities: this.activities.values(),
      caseStart,
      activity: this.activityCodes.subarray(0, n),
      time: this.times.subarray(0, n),
      position: this.positions.subarray(0, n),
      attributes,
    };
  }

  /** True when each case's events are contiguous and cases appear in code order (no scatter needed). */
  private isGroupedByCase(): boolean {
    const codes = this.caseCodes;
    for (let e = 1; e < this.count; e++) {
      const step = codes[e]! - codes[e - 1]!;
      if (step !== 0 && step !== 1) return false;
    }
    return true;
  }

  private grow(): void {
    const size = this.caseCodes.length * 2;
    const grow32 = (from: Int32Array, fill = 0) => {
      const to = new Int32Array(size);
      if (fill !== 0) to.fill(fill, from.length);
      to.set(from);
      return to;
    };
    this.caseCodes = grow32(this.caseCodes);
    this.activityCodes = grow32(this.activityCodes);
    const grow64 = (from: Float64Array) => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.times = grow64(this.times);
    this.positions = grow64(this.positions);
    this.attributeCodes = this.attributeCodes.map((codes) => grow32(codes, -1));
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function isSortedByTime(times: Float64Array, from: number, to: number): boolean {
  for (let e = from + 1; e < to; e++) if (times[e]! < times[e - 1]!) return false;
  return true;
}

/** Stable sort of `order[from, to)` by time; input order is already the tie-breaker. */
function sortCaseByTime(order: Int32Array, from: number, to: number, times: Float64Array): void {
  let isSorted = true;
  for (let i = from + 1; i < to && isSorted; i++) isSorted = times[order[i]!]! >= times[order[i - 1]!]!;
  if (isSorted) return;
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const item = order[i]!;
      const t = times[item]!;
      let j = i - 1;
      while (j >= from && times[order[j]!]! > t) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
    return;
  }
  const slice = Array.from(order.subarray(from, to));
  slice.sort((a, b) => times[a]! - times[b]! || a - b);
  order.set(slice, from);
}
