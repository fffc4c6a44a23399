import type { EventLog } from '../model/EventLog';
import { kthSmallest, preciseSum, quantileUnsorted } from './quantiles';

/** Mean, median and p90 (interpolated like numpy) of the time along each edge, in microseconds. */
export interface EdgeDurations {
  mean: Float64Array;
  median: Float64Array;
  p90: Float64Array;
}

/** Histogram buckets per edge: 64 per power of two from 1 µs to 2^53 µs, plus one for zero. */
const SUB_BITS = 6;
const BUCKETS = 54 << SUB_BITS;
const FIRST_BUCKET_WORD = 1023 << SUB_BITS;
const wide = new Float64Array(1);
const words = new Uint32Array(wide.buffer);
const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = isLittleEndian ? 1 : 0;

/**
 * Exact per-edge duration statistics without materializing every duration: a first pass counts
 * durations into per-edge log-linear buckets (and sums them with Neumaier compensation, in log
 * order, like {@link preciseSum}); a second pass keeps only the durations in the buckets that hold
 * the wanted ranks, and selection finds the exact values among those few. Writing a duration per
 * event (8 bytes × events of fresh memory) costs more than both passes.
 *
 * `edgeOfPair(a * width + b)` is the edge index of activity `a` followed by `b`; `counts` the
 * durations per edge. `method` is for tests; by default histograms are used unless they would be
 * larger than the durations themselves (many rare edges).
 */
export function edgeDurations(
  log: EventLog,
  width: number,
  edgeOfPair: (pair: number) => number,
  counts: Int32Array,
  method: 'auto' | 'histogram' | 'materialized' = 'auto',
): EdgeDurations {
  const edges = counts.length;
  const events = log.activity.length;
  const isSmall = edges * BUCKETS > events;
  if (method === 'materialized' || (method === 'auto' && isSmall)) {
    return materialized(log, width, edgeOfPair, counts);
  }
  const { caseStart, activity, time } = log;
  const cases = caseStart.length - 1;
  const histogram = new Int32Array(edges * BUCKETS);
  const sums = new Float64Array(edges);
  const compensations = new Float64Array(edges);
  for (let c = 0; c < cases; c++) {
    const to = caseStart[c + 1]!;
    for (let e = caseStart[c]! + 1; e < to; e++) {
      const k = edgeOfPair(activity[e - 1]! * width + activity[e]!);
      const dt = time[e]! - time[e - 1]!;
      // Events are in time order within a case; anything else (NaN) takes the plain path.
      if (!(dt >= 0)) return materialized(log, width, edgeOfPair, counts);
      histogram[k * BUCKETS + bucketOf(dt)]!++;
      const sum = sums[k]!;
      const t = sum + dt;
      compensations[k]! += Math.abs(sum) >= dt ? sum - t + dt : dt - t + sum;
      sums[k] = t;
    }
  }
  // The ranks each edge needs: the lower one of each quantile and, when interpolating, the next.
  const QUANTILES = [0.5, 0.9];
  const ranks = new Float64Array(edges * 4).fill(-1);
  const rankBucket = new Int32Array(edges * 4);
  const rankOffset = new Float64Array(edges * 4);
  const candidateStart = new Int32Array(edges * 4 + 1);
  for (let k = 0; k < edges; k++) {
    const n = counts[k]!;
    QUANTILES.forEach((q, i) => {
      const h = (n - 1) * q;
      const low = Math.floor(h);
      ranks[k * 4 + i * 2] = low;
      if (h !== low && low + 1 < n) ranks[k * 4 + i * 2 + 1] = low + 1;
    });
    for (let j = 0; j < 4; j++) {
      const rank = ranks[k * 4 + j]!;
      if (rank < 0) continue;
      let below = 0;
      let b = 0;
      while (below + histogram[k * BUCKETS + b]! <= rank) below += histogram[k * BUCKETS + b++]!;
      rankBucket[k * 4 + j] = b;
      rankOffset[k * 4 + j] = rank - below;
    }
  }
  // One candidate list per distinct wanted bucket of an edge (slot j of the edge's first rank in it).
  const listOf = new Int32Array(edges * 4).fill(-1);
  for (let k = 0; k < edges; k++) {
    for (let j = 0; j < 4; j++) {
      if (ranks[k * 4 + j]! < 0) continue;
      let owner = k * 4 + j;
      for (let i = 0; i < j; i++) {
        if (ranks[k * 4 + i]! >= 0 && rankBucket[k * 4 + i] === rankBucket[k * 4 + j]) {
          owner = listOf[k * 4 + i]!;
          break;
        }
      }
      listOf[k * 4 + j] = owner;
    }
  }
  let at = 0;
  for (let slot = 0; slot < edges * 4; slot++) {
    candidateStart[slot] = at;
    if (ranks[slot]! >= 0 && listOf[slot] === slot)
      at += histogram[(slot >> 2) * BUCKETS + rankBucket[slot]!]!;
  }
  candidateStart[edges * 4] = at;
  const values = new Float64Array(at);
  const fill = candidateStart.slice(0, edges * 4);
  const wanted = new Int32Array(edges * 4).fill(-1);
  for (let slot = 0; slot < edges * 4; slot++) if (listOf[slot] === slot) wanted[slot] = rankBucket[slot]!;
  for (let c = 0; c < cases; c++) {
    const to = caseStart[c + 1]!;
    for (let e = caseStart[c]! + 1; e < to; e++) {
      const k = edgeOfPair(activity[e - 1]! * width + activity[e]!) * 4;
      const dt = time[e]! - time[e - 1]!;
      const b = bucketOf(dt);
      for (let j = k; j < k + 4; j++) {
        if (wanted[j] === b) {
          values[fill[j]!++] = dt;
          break;
        }
      }
    }
  }
  const valueAt = (slot: number) => {
    const list = listOf[slot]!;
    const group = values.subarray(candidateStart[list]!, candidateStart[list + 1]!);
    return kthSmallest(group, rankOffset[slot]!);
  };
  const mean = new Float64Array(edges);
  const median = new Float64Array(edges);
  const p90 = new Float64Array(edges);
  for (let k = 0; k < edges; k++) {
    mean[k] = (sums[k]! + compensations[k]!) / counts[k]!;
    QUANTILES.forEach((q, i) => {
      const n = counts[k]!;
      const h = (n - 1) * q;
      const low = Math.floor(h);
      const lowValue = valueAt(k * 4 + i * 2);
      const next = ranks[k * 4 + i * 2 + 1]! >= 0 ? valueAt(k * 4 + i * 2 + 1) : lowValue;
      (i === 0 ? median : p90)[k] = h === low ? lowValue : lowValue + (h - low) * (next - lowValue);
    });
  }
  return { mean, median, p90 };
}

/** Bucket of a duration: monotone in the value (high word of the double: exponent, 6 mantissa bits). */
function bucketOf(dt: number): number {
  wide[0] = dt;
  const b = (words[HIGH]! >>> (20 - SUB_BITS)) - FIRST_BUCKET_WORD + 1;
  return b < 0 ? 0 : b >= BUCKETS ? BUCKETS - 1 : b;
}

/** The direct way: every duration grouped by edge, then selection per edge. */
function materialized(
  log: EventLog,
  width: number,
  edgeOfPair: (pair: number) => number,
  counts: Int32Array,
): EdgeDurations {
  const edges = counts.length;
  const { caseStart, activity, time } = log;
  const offsets = new Int32Array(edges + 1);
  for (let k = 0; k < edges; k++) offsets[k + 1] = offsets[k]! + counts[k]!;
  const durations = new Float64Array(offsets[edges]!);
  const fill = offsets.slice(0, edges);
  for (let c = 0; c < caseStart.length - 1; c++) {
    for (let e = caseStart[c]! + 1; e < caseStart[c + 1]!; e++) {
      durations[fill[edgeOfPair(activity[e - 1]! * width + activity[e]!)]!++] = time[e]! - time[e - 1]!;
    }
  }
  const mean = new Float64Array(edges);
  const median = new Float64Array(edges);
  const p90 = new Float64Array(edges);
  for (let k = 0; k < edges; k++) {
    const group = durations.subarray(offsets[k]!, offsets[k + 1]!);
    mean[k] = preciseSum(group) / counts[k]!;
    median[k] = quantileUnsorted(group, 0.5)!;
    p90[k] = quantileUnsorted(group, 0.9)!;
  }
  return { mean, median, p90 };
}
