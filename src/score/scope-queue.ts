/**
 * Scope indices shared between threads, each handed out once, in an order
 * of decreasing work (the caller gives it: largest scope first), so that the
 * largest are under way early and the threads finish together. The first
 * `waiting` of them are large enough that their matrices should not sit
 * beside the calling thread's own memory peak: while that thread is busy
 * (scoring), workers take the others, largest first, and a large one only
 * once the others are all taken (the smallest large one first). Which thread
 * takes a scope, and when, never changes its result.
 */
export interface ScopeQueue {
  /** Scope indices, most work first. */
  order: Int32Array;
  /** How many of `order`'s first scopes wait for the calling thread's join (default: all, so that the small end goes first). */
  waiting: number;
  /** 1 where the scope at that place in `order` is taken (shared between threads). */
  taken: Int32Array;
  /** [0] is 1 once the calling thread takes scopes too (shared). */
  joined: Int32Array;
}

export function createScopeQueue(order: readonly number[], waiting = order.length): ScopeQueue {
  return {
    order: Int32Array.from(order),
    waiting: Math.max(0, Math.min(waiting, order.length)),
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
  const joined = Atomics.load(queue.joined, 0) === 1;
  const { waiting } = queue;
  for (let k = 0; k < n; k++) {
    // joined: in order; else the scopes after the waiting ones in order, then the waiting ones from their small end
    const at = joined ? k : k < n - waiting ? waiting + k : n - 1 - k;
    if (Atomics.compareExchange(queue.taken, at, 0, 1) === 0) return queue.order[at]!;
  }
  return -1;
}

/** Indices of `sizes`, largest first (the lower index first on a tie). */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}
