import type { CountTable } from './count-table.ts';

/** Document `index` of a table as a read-only Map of key → count (iterated in its table order). */
export class TableCounts implements ReadonlyMap<string, number> {
  constructor(
    readonly table: CountTable,
    /** The table's key → id Map, built by the first lookup of any view (iterating needs none). */
    private readonly lookup: { idOf: ReadonlyMap<string, number> | null },
    readonly index: number,
  ) {}

  get size(): number {
    return this.table.starts[this.index + 1]! - this.table.starts[this.index]!;
  }

  /** The key's number in the table's vocabulary (shared by all its views), or −1. */
  keyId(key: string): number {
    this.lookup.idOf ??= new Map(this.table.vocab.map((t, i) => [t, i]));
    return this.lookup.idOf.get(key) ?? -1;
  }

  /** Where the key's entry is, or −1. */
  private find(key: string): number {
    const id = this.keyId(key);
    if (id < 0) return -1;
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

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  get(key: string): number | undefined {
    const e = this.find(key);
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

  /** As entries() gives them, without an iterator and a pair for each. */
  forEach(f: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    const { vocab, ids, counts, starts } = this.table;
    for (let e = starts[this.index]!; e < starts[this.index + 1]!; e++) f(counts[e]!, vocab[ids[e]!]!, this);
  }
}

/**
 * A key's number in `table`, or −1: looked up through `first`'s lookup when it is a view of the table
 * (one Map shared by all the table's views, a run's documents among them), else through one of its own.
 */
export function keyNumbers(table: CountTable, first?: ReadonlyMap<string, number>): (key: string) => number {
  const lookup = first instanceof TableCounts && first.table === table ? first : new TableCounts(table, { idOf: null }, 0);
  return (key) => lookup.keyId(key);
}

/** Every document of a table as a TableCounts view. */
export function tableViews(table: CountTable): TableCounts[] {
  const lookup = { idOf: null };
  return Array.from({ length: table.starts.length - 1 }, (_, i) => new TableCounts(table, lookup, i));
}
