import { Dictionary, type DictionaryBytes } from './Dictionary';
import type { AttributeColumn, EventLog } from './EventLog';

/**
 * Collects events in input order (dictionary-encoding case ids, activities and attribute values)
 * and turns them into an {@link EventLog} in analysis order: a stable counting sort by case,
 * then, inside each case, a stable sort by timestamp (input position breaks ties).
 */
export class EventLogBuilder {
  readonly cases = new Dictionary(1 << 16);
  readonly activities = new Dictionary(256);
  /**
   * Case code of each event, kept only once events stop arriving grouped by case: until then the
   * first event of each case says it all. Fresh memory is the slow part of a read (page faults),
   * so columns that an ordered log never needs are not written.
   */
  private caseCodes: Int32Array | null = null;
  private activityCodes = new Int32Array(1 << 16);
  private times = new Float64Array(1 << 16);
  private count = 0;
  private readonly attributeKeys: string[] = [];
  private readonly attributeDictionaries: Dictionary[] = [];
  private attributeCodes: Int32Array[] = [];
  // Whether the events so far arrived grouped by case in code order, and in time order inside
  // each case, tracked while adding so that build() needs no extra passes over cold code.
  private isGrouped = true;
  private isTimeOrdered = true;
  private lastCase = -1;
  private lastTime = 0;
  /** While grouped: index of each case's first event. */
  private caseFirst = new Int32Array(1 << 10);

  /** `expectedEvents` sizes the columns once (growing by doubling touches twice the memory). */
  constructor(
    attributeKeys: readonly string[] = [],
    /** Events the columns are sized for. */
    readonly expectedEvents = 0,
  ) {
    if (expectedEvents > this.activityCodes.length) {
      this.activityCodes = new Int32Array(expectedEvents);
      this.times = new Float64Array(expectedEvents);
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
    this.attributeCodes.push(new Int32Array(this.activityCodes.length).fill(-1));
    return this.attributeKeys.length - 1;
  }

  attributeDictionary(index: number): Dictionary {
    return this.attributeDictionaries[index]!;
  }

  /** Appends one event; returns its index so attribute codes can be set with {@link setAttribute}. */
  add(caseCode: number, activityCode: number, micros: number): number {
    if (this.count === this.activityCodes.length) this.grow();
    const index = this.count++;
    this.activityCodes[index] = activityCode;
    this.times[index] = micros;
    if (caseCode !== this.lastCase) {
      if (this.isGrouped && caseCode === this.lastCase + 1) this.markCaseStart(caseCode, index);
      else this.ungroup(caseCode, index);
      this.lastCase = caseCode;
    } else {
      if (micros < this.lastTime) this.isTimeOrdered = false;
      if (!this.isGrouped) this.caseCodes![index] = caseCode;
    }
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

  /** Records the case of event `index` once grouping is lost (writing the earlier ones first). */
  private ungroup(caseCode: number, index: number): void {
    if (this.isGrouped) {
      this.isGrouped = false;
      const codes = new Int32Array(this.activityCodes.length);
      for (let c = 0; c <= this.lastCase; c++) {
        codes.fill(c, this.caseFirst[c]!, c === this.lastCase ? index : this.caseFirst[c + 1]!);
      }
      this.caseCodes = codes;
    }
    this.caseCodes![index] = caseCode;
  }

  setAttribute(eventIndex: number, attribute: number, code: number): void {
    this.attributeCodes[attribute]![eventIndex] = code;
  }

  /** Drops the last event (used when a row turns out to be bad after it was added). */
  removeLast(): void {
    if (this.count === 0) return;
    // Regrouping is left to build(); the dropped event may have been its case's only one.
    if (this.isGrouped) this.ungroup(this.lastCase, this.count - 1);
    this.count--;
    this.isTimeOrdered = false;
    for (const codes of this.attributeCodes) codes[this.count] = -1;
  }

  /**
   * Appends events read elsewhere (a worker of the parallel CSV reader), in their order: their
   * dictionary values are interned here in code order, which keeps first appearance order.
   */
  appendBlock(block: EventBlock): void {
    const remap = (dictionary: Dictionary, bytes: DictionaryBytes) => {
      const codes = new Int32Array(bytes.offsets.length - 1);
      for (let k = 0; k < codes.length; k++) {
        codes[k] = dictionary.internBytes(bytes.pool, bytes.offsets[k]!, bytes.offsets[k + 1]!);
      }
      return codes;
    };
    const caseCodes = remap(this.cases, block.cases);
    const activityCodes = remap(this.activities, block.activities);
    const attributeCodes = block.attributes.map((column, a) =>
      remap(this.attributeDictionaries[a]!, column.values),
    );
    const { activity, time, caseOf } = block;
    for (let e = 0; e < block.count; e++) {
      const index = this.add(caseCodes[caseOf[e]!]!, activityCodes[activity[e]!]!, time[e]!);
      for (let a = 0; a < attributeCodes.length; a++) {
        const code = block.attributes[a]!.codes[e]!;
        if (code >= 0) this.attributeCodes[a]![index] = attributeCodes[a]![code]!;
      }
    }
  }

  build(): EventLog {
    const n = this.count;
    const caseTotal = this.cases.size;
    const caseStart = new Int32Array(caseTotal + 1);
    let order: Int32Array | null = null;
    if (this.isGrouped) {
      // Cases interned after the last event (none of their rows was kept) stay empty.
      const withEvents = this.lastCase + 1;
      caseStart.set(this.caseFirst.subarray(0, withEvents));
      caseStart.fill(n, withEvents);
    } else {
      const caseCodes = this.caseCodes!;
      for (let e = 0; e < n; e++) caseStart[caseCodes[e]! + 1]!++;
      for (let c = 0; c < caseTotal; c++) caseStart[c + 1]! += caseStart[c]!;
      if (!isGroupedByCase(caseCodes, n)) {
        order = new Int32Array(n);
        const next = caseStart.slice(0, caseTotal);
        for (let e = 0; e < n; e++) order[next[caseCodes[e]!]!++] = e;
      }
    }
    // Logs usually arrive grouped by case and in time order: then nothing moves, and the columns
    // are handed over as they are instead of copied.
    let permutation: Int32Array | null = order;
    if (order || !this.isTimeOrdered) {
      for (let c = 0; c < caseTotal; c++) {
        const from = caseStart[c]!;
        const to = caseStart[c + 1]!;
        if (!permutation && isSortedByTime(this.times, from, to)) continue;
        const sorting: Int32Array = permutation ?? identity(n);
        sortCaseByTime(sorting, from, to, this.times);
        permutation = sorting;
      }
    }
    const gather = <T extends Int32Array | Float64Array>(source: T, target: () => T): T => {
      if (!permutation) return source.subarray(0, n) as T;
      const out = target();
      for (let i = 0; i < n; i++) out[i] = source[permutation[i]!]!;
      return out;
    };
    const attributes = new Map<string, AttributeColumn>();
    this.attributeKeys.forEach((key, a) => {
      const codes = gather(this.attributeCodes[a]!, () => new Int32Array(n));
      attributes.set(key, { values: this.attributeDictionaries[a]!.values(), codes });
    });
    const moved = permutation;
    return lazyLog(
      {
        activities: this.activities.values(),
        caseStart,
        activity: gather(this.activityCodes, () => new Int32Array(n)),
        time: gather(this.times, () => new Float64Array(n)),
        attributes,
      },
      () => this.cases.values(),
      () => (moved ? Float64Array.from(moved) : identityPositions(n)),
    );
  }

  private grow(): void {
    const size = this.activityCodes.length * 2;
    const grow32 = (from: Int32Array, fill = 0) => {
      const to = new Int32Array(size);
      if (fill !== 0) to.fill(fill, from.length);
      to.set(from);
      return to;
    };
    if (this.caseCodes) this.caseCodes = grow32(this.caseCodes);
    this.activityCodes = grow32(this.activityCodes);
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    this.attributeCodes = this.attributeCodes.map((codes) => grow32(codes, -1));
  }
}

/** Events in input order with block-local dictionary codes (see {@link EventLogBuilder.appendBlock}). */
export interface EventBlock {
  count: number;
  caseOf: Int32Array;
  activity: Int32Array;
  time: Float64Array;
  cases: DictionaryBytes;
  activities: DictionaryBytes;
  attributes: { codes: Int32Array; values: DictionaryBytes }[];
}

/**
 * The log with its case ids and input positions made on first use: the usual queries (graph,
 * variants, funnels) read neither, and both are large (a string per case, 8 bytes per event).
 */
function lazyLog(
  columns: Omit<EventLog, 'caseIds' | 'position'>,
  caseIds: () => string[],
  position: () => Float64Array,
): EventLog {
  let ids: string[] | null = null;
  let positions: Float64Array | null = null;
  return {
    ...columns,
    get caseIds() {
      return (ids ??= caseIds());
    },
    set caseIds(value: string[]) {
      ids = value;
    },
    get position() {
      return (positions ??= position());
    },
    set position(value: Float64Array) {
      positions = value;
    },
  };
}

/** True when each case's events are contiguous and cases appear in code order (no scatter needed). */
function isGroupedByCase(codes: Int32Array, n: number): boolean {
  for (let e = 1; e < n; e++) {
    const step = codes[e]! - codes[e - 1]!;
    if (step !== 0 && step !== 1) return false;
  }
  return true;
}

function identityPositions(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
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
