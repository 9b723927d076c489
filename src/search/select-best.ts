/**
 * Moves the best `k` of the `count` documents in `order` to its front, best first, with
 * their scores (`score[i]` is `order[i]`'s) moved alike: a bounded heap (worst kept document
 * at the root) over the first k slots, then heapsort of those k. O(count log k) and no
 * allocation, where sorting every match with a comparator made V8 copy them into two work
 * arrays on the heap (4-8 bytes each per match, per query).
 */
export function selectBest(order: Int32Array, count: number, k: number, score: Float64Array): void {
  if (k <= 0) return;
  // Slot i ranks before slot j: higher score, then the higher (newer) document.
  const better = (i: number, j: number) => score[i]! > score[j]! || (score[i] === score[j] && order[i]! > order[j]!);
  const swap = (i: number, j: number) => {
    const d = order[i]!;
    order[i] = order[j]!;
    order[j] = d;
    const s = score[i]!;
    score[i] = score[j]!;
    score[j] = s;
  };
  const siftDown = (from: number, size: number) => {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < size && better(worst, l)) worst = l;
      if (r < size && better(worst, r)) worst = r;
      if (worst === i) return;
      swap(i, worst);
      i = worst;
    }
  };
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i, k);
  for (let i = k; i < count; i++) {
    if (better(i, 0)) {
      order[0] = order[i]!;
      score[0] = score[i]!;
      siftDown(0, k);
    }
  }
  for (let size = k - 1; size > 0; size--) {
    swap(0, size);
    siftDown(0, size);
  }
}
