/**
 * Quantile with linear interpolation between closest ranks (numpy's default, DuckDB's
 * `quantile_cont`): the median of an even count is the mean of the two middle values.
 * Sorts `values` in place. Returns null for an empty list.
 */
export function quantileSorted(sorted: Float64Array, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const low = Math.floor(h);
  const lowValue = sorted[low]!;
  if (low + 1 >= n) return lowValue;
  return lowValue + (h - low) * (sorted[low + 1]! - lowValue);
}

/** Sum with Neumaier compensation, so means of many large microsecond values stay exact enough. */
export function preciseSum(values: Float64Array): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const t = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - t + value : value - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** min, median, mean, p90 and max of seconds given as microseconds (sorted in place). */
export function describeMicros(micros: Float64Array): {
  min: number | null;
  median: number | null;
  mean: number | null;
  p90: number | null;
  max: number | null;
} {
  const n = micros.length;
  if (n === 0) return { min: null, median: null, mean: null, p90: null, max: null };
  micros.sort();
  const seconds = (value: number | null) => (value === null ? null : value / 1e6);
  return {
    min: micros[0]! / 1e6,
    median: seconds(quantileSorted(micros, 0.5)),
    mean: preciseSum(micros) / n / 1e6,
    p90: seconds(quantileSorted(micros, 0.9)),
    max: micros[n - 1]! / 1e6,
  };
}

/** Compares strings by Unicode code point (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

const fixup = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/** Puts the k-th smallest of `values[from, to)` at index k (Hoare-style quickselect, in place). */
function select(values: Float64Array, from: number, to: number, k: number): void {
  let left = from;
  let right = to - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Interpolated quantile (as {@link quantileSorted}) without a full sort: two selections, so
 * linear time. Reorders `values` in place.
 */
export function quantileUnsorted(values: Float64Array, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const low = Math.floor(h);
  select(values, 0, n, low);
  const lowValue = values[low]!;
  if (low + 1 >= n || h === low) return lowValue;
  let next = Infinity;
  for (let i = low + 1; i < n; i++) if (values[i]! < next) next = values[i]!;
  return lowValue + (h - low) * (next - lowValue);
}

/** The k-th smallest (0-based) of `values`, which it reorders. */
export function kthSmallest(values: Float64Array, k: number): number {
  select(values, 0, values.length, k);
  return values[k]!;
}
