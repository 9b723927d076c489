/**
 * Moves the best `k` of the `count` documents in `order` to its front, best first: a bounded
 * heap (worst kept document at the root) over the first k slots, then heapsort of those k.
 * O(count log k) and no allocation, where sorting every match with a comparator made V8 copy
 * them into two work arrays on the heap (4-8 bytes each per match, per query).
 */
export function selectBest(order: Int32Array, count: number, k: number, score: Float64Array): void {
  if (k <= 0) return;
  // a ranks before b: higher score, then the higher (newer) document.
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a > b);
  const siftDown = (from: number, size: number) => {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < size && better(order[worst]!, order[l]!)) worst = l;
      if (r < size && better(order[worst]!, order[r]!)) worst = r;
      if (worst === i) return;
      const t = order[i]!;
      order[i] = order[worst]!;
      order[worst] = t;
      i = worst;
    }
  };
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i, k);
  for (let i = k; i < count; i++) {
    if (better(order[i]!, order[0]!)) {
      order[0] = order[i]!;
      siftDown(0, k);
    }
  }
  for (let size = k - 1; size > 0; size--) {
    const t = order[0]!;
    order[0] = order[size]!;
    order[size] = t;
    siftDown(0, size);
  }
}
