/**
 * Which items changed place, given their order before and after (same set of ids): the ids
 * outside a longest increasing subsequence of old positions. That is the smallest set of moves
 * that explains the new order, so moving one card up reports one card, not every card it passed.
 */
export function reorderedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const oldPosition = new Map(before.map((id, i) => [id, i]));
  const positions = after.map((id) => oldPosition.get(id) ?? -1);
  // patience sorting: tails[k] = index (into positions) of the smallest tail of a run of length k+1
  const tails: number[] = [];
  const previous: number[] = new Array(positions.length).fill(-1);
  positions.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (positions[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i]!) kept.add(i);
  return new Set(after.filter((_, i) => !kept.has(i)));
}
