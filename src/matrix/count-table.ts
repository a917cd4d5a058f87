import { SlotTable } from './slot-table.ts';

/**
 * The counts of many documents (term → count, or pair → count) in one table of
 * typed arrays instead of a Map per document. At 100 MB of input the Maps held
 * about 600 MB of heap (every document kept its own copy of each key string);
 * the table holds each key once and 8 bytes per entry. The arrays live in
 * SharedArrayBuffers, so posting a table to a worker shares it, not copies it.
 *
 * Keys are numbered in sorted order (by code unit, as `<` compares); document
 * i's entries are ids/counts[starts[i] … starts[i + 1]), in the order of its
 * Map. Counts are whole numbers below 2³¹.
 */
export interface CountTable {
  vocab: string[];
  starts: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  /** 1 where a document's ids ascend (always, for a table built here from segmenter output): looked up by bisection. */
  ascending: Uint8Array;
}

/**
 * Counts of a batch of documents as a segmentation thread makes them: keys
 * numbered by the thread in order of first appearance, entries in any order.
 * Plain typed arrays, so the message transfers their buffers instead of
 * cloning a Map per document.
 */
export interface CountBatch {
  /** The keys the thread saw first in this batch: key k of the batch continues the thread's numbering (see BatchSource). */
  keys: string[];
  /** Document d's entries are ids/counts[starts[d] … starts[d + 1]). */
  starts: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  counts: Int32Array<ArrayBuffer>;
}

/**
 * Pair counts of a batch: pair p is the thread's tokens halves[2p] and
 * halves[2p + 1] joined by PAIR_SEPARATOR, so no pair's text is built until
 * the table needs it; pairs are numbered per batch.
 */
export interface PairBatch {
  /** The tokens the thread saw first in this batch, continuing its numbering as CountBatch.keys do. */
  tokens: string[];
  halves: Int32Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  counts: Int32Array<ArrayBuffer>;
}

/**
 * What a table builder knows of one segmentation thread's numbering: the
 * table's number of each of the thread's keys (terms) and tokens (pairs),
 * learnt from the keys its batches list. One per thread, given that
 * thread's batches in the order it made them; a batch that stands alone (its
 * keys numbered from 0) takes a new one.
 */
export interface BatchSource {
  terms: number[];
  tokens: number[];
}

export function newBatchSource(): BatchSource {
  return { terms: [], tokens: [] };
}

/**
 * Distinct tokens a pair numbering holds: a pair of token numbers is keyed as
 * left · PAIR_TOKENS + right, below 2⁵³ (a segmentation thread's numbering and a pair table's).
 */
export const PAIR_TOKENS = 2 ** 26;

/** Separates the two tokens of a pair key. */
export const PAIR_SEPARATOR = '\u0001';

function shared<T extends Int32Array | Uint8Array>(make: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new make(new SharedArrayBuffer(length * make.BYTES_PER_ELEMENT));
}

/** A table of `documents` rows and `entries` entries, all zero, for a caller to fill. */
export function allocateTable(vocab: string[], documents: number, entries: number): CountTable {
  return {
    vocab,
    starts: shared(Int32Array, documents + 1),
    ids: shared(Int32Array, entries),
    counts: shared(Int32Array, entries),
    ascending: shared(Uint8Array, documents),
  };
}

/** Rows of (key id, count) entries, appended document by document, with key ids in order of first sighting. */
class Rows {
  private starts = new Int32Array(1024);
  private ids = new Int32Array(16384);
  private counts = new Int32Array(16384);
  documents = 0;
  private entries = 0;

  /** Append the documents of a batch whose key k is key global[k] here. */
  appendBatch(batch: { starts: Int32Array; ids: Int32Array; counts: Int32Array }, global: ArrayLike<number>): void {
    const documents = batch.starts.length - 1;
    const entries = batch.starts[documents]!;
    this.reserve(documents, entries);
    for (let e = 0; e < entries; e++) {
      this.ids[this.entries + e] = global[batch.ids[e]!]!;
      this.counts[this.entries + e] = checkedCount(batch.counts[e]!);
    }
    for (let d = 0; d < documents; d++) this.starts[this.documents + d] = this.entries + batch.starts[d]!;
    this.documents += documents;
    this.entries += entries;
  }

  appendOne(entries: readonly (readonly [number, number])[]): void {
    this.reserve(1, entries.length);
    this.starts[this.documents++] = this.entries;
    for (const [id, c] of entries) {
      this.ids[this.entries] = id;
      this.counts[this.entries++] = checkedCount(c);
    }
  }

  private reserve(documents: number, entries: number): void {
    if (this.documents + documents + 1 > this.starts.length) this.starts = grown(this.starts, this.documents + documents + 1);
    if (this.entries + entries > this.ids.length) {
      this.ids = grown(this.ids, this.entries + entries);
      this.counts = grown(this.counts, this.entries + entries);
    }
  }

  /**
   * The table, keys renumbered by `renumber` (old id → position in `vocab`).
   * `sortRows` puts each document's entries in key order: by two counting
   * sorts (entries grouped by key, then back by document), no comparisons.
   */
  finish(vocab: string[], renumber: Int32Array, sortRows: boolean): CountTable {
    const n = this.documents;
    const total = this.entries;
    const starts = shared(Int32Array, n + 1);
    starts.set(this.starts.subarray(0, n));
    starts[n] = total;
    const ids = shared(Int32Array, total);
    const counts = shared(Int32Array, total);
    const ascending = shared(Uint8Array, n);
    if (sortRows) {
      const keyStart = new Int32Array(vocab.length + 1);
      for (let e = 0; e < total; e++) keyStart[renumber[this.ids[e]!]! + 1]!++;
      for (let k = 0; k < vocab.length; k++) keyStart[k + 1]! += keyStart[k]!;
      const byKeyDoc = new Int32Array(total);
      const byKeyCount = new Int32Array(total);
      for (let d = 0; d < n; d++) {
        for (let e = starts[d]!; e < starts[d + 1]!; e++) {
          const at = keyStart[renumber[this.ids[e]!]!]!++;
          byKeyDoc[at] = d;
          byKeyCount[at] = this.counts[e]!;
        }
      }
      // keyStart[k] now ends key k's entries
      const next = starts.slice(0, n);
      for (let k = 0, at = 0; k < vocab.length; k++) {
        for (; at < keyStart[k]!; at++) {
          const out = next[byKeyDoc[at]!]!++;
          ids[out] = k;
          counts[out] = byKeyCount[at]!;
        }
      }
      ascending.fill(1);
    } else {
      for (let d = 0; d < n; d++) {
        let up = 1;
        for (let e = starts[d]!; e < starts[d + 1]!; e++) {
          ids[e] = renumber[this.ids[e]!]!;
          counts[e] = this.counts[e]!;
          if (e > starts[d]! && ids[e]! < ids[e - 1]!) up = 0;
        }
        ascending[d] = up;
      }
    }
    return { vocab, starts, ids, counts, ascending };
  }
}

/** Collects documents' counts, batch by batch or Map by Map, into one CountTable. */
export class CountTableBuilder {
  private readonly idOf = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly rows = new Rows();

  /** Documents added so far. */
  get size(): number {
    return this.rows.documents;
  }

  private idOfKey(key: string): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.idOf.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  /** Add the documents of a batch, in order; `source` is its thread's (default: the batch stands alone). */
  addBatch(batch: CountBatch, source: BatchSource = newBatchSource()): void {
    for (const key of batch.keys) source.terms.push(this.idOfKey(key));
    this.rows.appendBatch(batch, source.terms);
  }

  /** Add one document's counts. */
  add(counts: ReadonlyMap<string, number>): void {
    this.rows.appendOne(Array.from(counts, ([key, c]) => [this.idOfKey(key), c] as const));
  }

  /**
   * The table, with keys renumbered in sorted order; `sortRows` also puts each
   * document's entries in key order (else they keep the order they were added in).
   */
  finish(options: { sortRows: boolean }): CountTable {
    // the default sort compares UTF-16 code units, as < does
    const vocab = this.keys.slice().sort();
    const renumber = new Int32Array(vocab.length);
    vocab.forEach((key, i) => (renumber[this.idOf.get(key)!] = i));
    return this.rows.finish(vocab, renumber, options.sortRows);
  }
}

/**
 * Collects pair batches into one CountTable of `left\u0001right` keys. Pairs
 * are numbered by their two tokens' numbers, so a pair's text is built once,
 * when the table is made.
 */
export class PairTableBuilder {
  private readonly tokenIds = new Map<string, number>();
  private readonly tokens: string[] = [];
  /** (left, right) token numbers → pair number, in order of first sighting. */
  private readonly pairIds = new SlotTable();
  private readonly halves: number[] = [];
  private readonly rows = new Rows();

  /** Add the documents of a batch, in order; `source` is its thread's (default: the batch stands alone). */
  addBatch(batch: PairBatch, source: BatchSource = newBatchSource()): void {
    const token = source.tokens;
    for (const t of batch.tokens) {
      let id = this.tokenIds.get(t);
      if (id === undefined) {
        if (this.tokens.length === PAIR_TOKENS) throw new RangeError('a pair table holds pairs of at most 2²⁶ distinct tokens');
        this.tokenIds.set(t, (id = this.tokens.length));
        this.tokens.push(t);
      }
      token.push(id);
    }
    const global = new Int32Array(batch.halves.length / 2);
    for (let p = 0; p < global.length; p++) {
      const left = token[batch.halves[2 * p]!]!;
      const right = token[batch.halves[2 * p + 1]!]!;
      const id = this.pairIds.slot(left * PAIR_TOKENS + right);
      if (id === this.halves.length / 2) this.halves.push(left, right);
      global[p] = id;
    }
    this.rows.appendBatch(batch, global);
  }

  /** The table; each document's entries in key order. */
  finish(): CountTable {
    // pairs in the order of their text: by left token, then right (no token holds the separator, which sorts below every character)
    const rank = new Int32Array(this.tokens.length);
    const byText = this.tokens.slice().sort();
    byText.forEach((t, i) => (rank[this.tokenIds.get(t)!] = i));
    const pairs = this.halves.length / 2;
    // a radix sort: stably by right token, then by left
    const byRight = countingSort(
      Int32Array.from({ length: pairs }, (_, p) => p),
      (p) => rank[this.halves[2 * p + 1]!]!,
      byText.length,
    );
    const order = countingSort(byRight, (p) => rank[this.halves[2 * p]!]!, byText.length);
    const renumber = new Int32Array(pairs);
    const vocab = Array.from(order, (p, i) => {
      renumber[p] = i;
      return this.tokens[this.halves[2 * p]!]! + PAIR_SEPARATOR + this.tokens[this.halves[2 * p + 1]!]!;
    });
    return this.rows.finish(vocab, renumber, true);
  }
}

/**
 * Entries from … to of parallel arrays put in key order, values moving with
 * their keys: an insertion sort, for a document's few entries (a count table's
 * row, or a sparse matrix row).
 */
export function sortEntries(keys: Int32Array, values: Int32Array | Float64Array, from: number, to: number): void {
  for (let e = from + 1; e < to; e++) {
    const key = keys[e]!;
    const value = values[e]!;
    let k = e - 1;
    for (; k >= from && keys[k]! > key; k--) {
      keys[k + 1] = keys[k]!;
      values[k + 1] = values[k]!;
    }
    keys[k + 1] = key;
    values[k + 1] = value;
  }
}

/** `items` stably sorted by `key` (whole numbers below `keys`). */
function countingSort(items: Int32Array, key: (item: number) => number, keys: number): Int32Array {
  const start = new Int32Array(keys + 1);
  for (const item of items) start[key(item) + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(items.length);
  for (const item of items) out[start[key(item)]!++] = item;
  return out;
}

function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

function checkedCount(c: number): number {
  if (!Number.isInteger(c) || c < 0 || c > 0x7fffffff) throw new RangeError(`a count table holds whole counts below 2³¹, not ${c}`);
  return c;
}

/** The table of `docs`' counts, each document's entries in the order of its Map. */
export function countTable(docs: readonly { terms: ReadonlyMap<string, number> }[]): CountTable {
  const { table, rows } = tableRows(docs);
  // the table's own rows in its own order: the table itself
  if (rows.length === table.starts.length - 1 && rows.every((r, i) => r === i)) return table;
  return rowsOf(table, [...rows]);
}

/**
 * The documents' counts as rows of a table, document i being row rows[i]:
 * when they are views of one table, that table and their rows in it (nothing
 * copied); else a new table of them, in their order.
 */
export function tableRows(docs: readonly { terms: ReadonlyMap<string, number> }[]): { table: CountTable; rows: Int32Array } {
  const first = docs[0]?.terms;
  if (first instanceof TableCounts && docs.every((d) => d.terms instanceof TableCounts && d.terms.table === first.table)) {
    return { table: first.table, rows: Int32Array.from(docs, (d) => (d.terms as TableCounts).index) };
  }
  const builder = new CountTableBuilder();
  for (const d of docs) builder.add(d.terms);
  return { table: builder.finish({ sortRows: false }), rows: Int32Array.from(docs, (_, i) => i) };
}

/** The given rows of a table, in that order, as a table of their own (same key numbers). */
function rowsOf(table: CountTable, rows: readonly number[]): CountTable {
  let entries = 0;
  for (const r of rows) entries += table.starts[r + 1]! - table.starts[r]!;
  const starts = shared(Int32Array, rows.length + 1);
  const ids = shared(Int32Array, entries);
  const counts = shared(Int32Array, entries);
  const ascending = shared(Uint8Array, rows.length);
  let at = 0;
  rows.forEach((r, i) => {
    starts[i] = at;
    const from = table.starts[r]!;
    const to = table.starts[r + 1]!;
    ids.set(table.ids.subarray(from, to), at);
    counts.set(table.counts.subarray(from, to), at);
    ascending[i] = table.ascending[r]!;
    at += to - from;
  });
  starts[rows.length] = at;
  return { vocab: table.vocab, starts, ids, counts, ascending };
}

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

/** Every document of a table as a TableCounts view. */
export function tableViews(table: CountTable): TableCounts[] {
  const lookup = { idOf: null };
  return Array.from({ length: table.starts.length - 1 }, (_, i) => new TableCounts(table, lookup, i));
}
