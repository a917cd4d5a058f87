/**
 * The term counts of many documents in shared memory, so that worker threads
 * read one copy instead of each deserialising its own Maps (two topic workers
 * held two copies of every document's counts: gigabytes at 100 MB of input).
 * Terms are numbered in sorted order; document i's entries are
 * ids/counts[starts[i] … starts[i + 1]), in the order of its Map.
 */
export interface TermTable {
  vocab: string[];
  starts: Int32Array;
  ids: Int32Array;
  counts: Float64Array;
  /** 1 where a document's ids ascend (its Map was in term order, as the segment stage makes it): looked up by bisection. */
  ascending: Uint8Array;
}

function shared<T extends Int32Array | Float64Array | Uint8Array>(make: new (b: SharedArrayBuffer) => T, bytes: number): T {
  return new make(new SharedArrayBuffer(bytes));
}

/** The table of `docs`' term counts, in SharedArrayBuffers (posting it to a worker shares, not copies). */
export function termTable(docs: readonly { terms: ReadonlyMap<string, number> }[]): TermTable {
  const terms = new Set<string>();
  let entries = 0;
  for (const d of docs) {
    for (const t of d.terms.keys()) terms.add(t);
    entries += d.terms.size;
  }
  const vocab = [...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(vocab.map((t, i) => [t, i]));
  const starts = shared(Int32Array, (docs.length + 1) * 4);
  const ids = shared(Int32Array, entries * 4);
  const counts = shared(Float64Array, entries * 8);
  const ascending = shared(Uint8Array, docs.length);
  let at = 0;
  docs.forEach((d, i) => {
    starts[i] = at;
    let up = 1;
    for (const [t, c] of d.terms) {
      ids[at] = idOf.get(t)!;
      counts[at] = c;
      if (at > starts[i]! && ids[at]! < ids[at - 1]!) up = 0;
      at++;
    }
    ascending[i] = up;
  });
  starts[docs.length] = at;
  return { vocab, starts, ids, counts, ascending };
}

/** Document `index` of a table as a read-only Map of term → count (iterated in its original order). */
export class TermCounts implements ReadonlyMap<string, number> {
  constructor(
    private readonly table: TermTable,
    private readonly idOf: ReadonlyMap<string, number>,
    private readonly index: number,
  ) {}

  get size(): number {
    return this.table.starts[this.index + 1]! - this.table.starts[this.index]!;
  }

  /** Where the term's entry is, or −1. */
  private find(term: string): number {
    const id = this.idOf.get(term);
    if (id === undefined) return -1;
    const { ids, starts, ascending } = this.table;
    let lo = starts[this.index]!;
    let hi = starts[this.index + 1]!;
    if (!ascending[this.index]) {
      for (let e = lo; e < hi; e++) if (ids[e] === id) return e;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts[this.index + 1]! && ids[lo] === id ? lo : -1;
  }

  has(term: string): boolean {
    return this.find(term) >= 0;
  }

  get(term: string): number | undefined {
    const e = this.find(term);
    return e < 0 ? undefined : this.table.counts[e];
  }

  *entries(): MapIterator<[string, number]> {
    const { vocab, ids, counts, starts } = this.table;
    for (let e = starts[this.index]!; e < starts[this.index + 1]!; e++) yield [vocab[ids[e]!]!, counts[e]!];
  }

  *keys(): MapIterator<string> {
    const { vocab, ids, starts } = this.table;
    for (let e = starts[this.index]!; e < starts[this.index + 1]!; e++) yield vocab[ids[e]!]!;
  }

  *values(): MapIterator<number> {
    const { counts, starts } = this.table;
    for (let e = starts[this.index]!; e < starts[this.index + 1]!; e++) yield counts[e]!;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(f: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

/** Every document of a table as a TermCounts view. */
export function termViews(table: TermTable): TermCounts[] {
  const idOf = new Map(table.vocab.map((t, i) => [t, i]));
  return Array.from({ length: table.starts.length - 1 }, (_, i) => new TermCounts(table, idOf, i));
}
