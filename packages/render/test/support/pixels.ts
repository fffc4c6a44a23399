/** Share of pixels whose channels differ by more than `threshold` (0-255). */
export function differingShare(a: { data: Uint8Array }, b: { data: Uint8Array }, threshold = 24): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(
      Math.abs(a.data[i]! - b.data[i]!),
      Math.abs(a.data[i + 1]! - b.data[i + 1]!),
      Math.abs(a.data[i + 2]! - b.data[i + 2]!),
      Math.abs(a.data[i + 3]! - b.data[i + 3]!),
    );
    if (delta > threshold) differing++;
  }
  return differing / (a.data.length / 4);
}

/** The most differing pixels (any channel off by more than `threshold`) found in one row or one column. */
export function worstLine(
  a: { width: number; height: number; data: Uint8Array },
  b: { data: Uint8Array },
  threshold = 8,
): number {
  const rows = new Array<number>(a.height).fill(0);
  const columns = new Array<number>(a.width).fill(0);
  for (let pixel = 0; pixel < a.width * a.height; pixel++) {
    for (let channel = 0; channel < 4; channel++) {
      if (Math.abs(a.data[pixel * 4 + channel]! - b.data[pixel * 4 + channel]!) > threshold) {
        rows[Math.floor(pixel / a.width)]!++;
        columns[pixel % a.width]!++;
        break;
      }
    }
  }
  return Math.max(...rows, ...columns);
}
