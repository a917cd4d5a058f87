/**
 * Scope indices shared between threads, each handed out once. Scopes come
 * largest first, and threads normally take from that end, so the largest
 * are under way early and the threads finish together. While the calling
 * thread is busy with something else (scoring, at its own memory peak),
 * workers take from the small end instead: a large scope's matrices then
 * wait until that peak is over. Which thread takes a scope never changes its
 * result.
 */
export interface ScopeQueue {
  /** 1 where a scope is taken (shared between threads). */
  taken: Int32Array;
  /** [0] is 1 once the calling thread takes scopes too (shared). */
  joined: Int32Array;
}

export function createScopeQueue(scopes: number): ScopeQueue {
  return { taken: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, scopes))), joined: new Int32Array(new SharedArrayBuffer(4)) };
}

/** The calling thread is free: from now on every thread takes the largest scope left. */
export function joinScopeQueue(queue: ScopeQueue): void {
  Atomics.store(queue.joined, 0, 1);
}

/** The next scope for this thread to do, or −1 when all are taken. */
export function takeScope(queue: ScopeQueue, scopes: number): number {
  const smallFirst = Atomics.load(queue.joined, 0) === 0;
  for (let k = 0; k < scopes; k++) {
    const i = smallFirst ? scopes - 1 - k : k;
    if (Atomics.compareExchange(queue.taken, i, 0, 1) === 0) return i;
  }
  return -1;
}
