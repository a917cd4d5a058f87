/**
 * Scope indices shared between threads, each handed out once, in an order
 * of decreasing work (the caller gives it: largest scope first). Threads
 * normally take from that end, so the largest are under way early and the
 * threads finish together. While the calling thread is busy with something
 * else (scoring, at its own memory peak), workers take from the small end
 * instead: a large scope's matrices then wait until that peak is over. Which
 * thread takes a scope, and when, never changes its result.
 */
export interface ScopeQueue {
  /** Scope indices, most work first. */
  order: Int32Array;
  /** 1 where the scope at that place in `order` is taken (shared between threads). */
  taken: Int32Array;
  /** [0] is 1 once the calling thread takes scopes too (shared). */
  joined: Int32Array;
}

export function createScopeQueue(order: readonly number[]): ScopeQueue {
  return {
    order: Int32Array.from(order),
    taken: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, order.length))),
    joined: new Int32Array(new SharedArrayBuffer(4)),
  };
}

/** The calling thread is free: from now on every thread takes the largest scope left. */
export function joinScopeQueue(queue: ScopeQueue): void {
  Atomics.store(queue.joined, 0, 1);
}

/** The next scope index for this thread to do, or −1 when all are taken. */
export function takeScope(queue: ScopeQueue): number {
  const n = queue.order.length;
  const smallFirst = Atomics.load(queue.joined, 0) === 0;
  for (let k = 0; k < n; k++) {
    const at = smallFirst ? n - 1 - k : k;
    if (Atomics.compareExchange(queue.taken, at, 0, 1) === 0) return queue.order[at]!;
  }
  return -1;
}

/** Indices of `sizes`, largest first (the lower index first on a tie). */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}
