import { SlotTable } from './slot-table.ts';
import type { CountTable } from './count-table.ts';
import { shared } from './count-table.ts';
import { TableCounts } from './table-counts.ts';

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

  /**
   * Add one document's counts. A view of another table (the documents a run read from the database,
   * those it segmented) is added by term number: each of that table's terms is looked up once, not
   * at every entry (the same table as key by key).
   */
  add(counts: ReadonlyMap<string, number>): void {
    if (counts instanceof TableCounts) {
      this.addView(counts);
      return;
    }
    this.rows.appendOne(Array.from(counts, ([key, c]) => [this.idOfKey(key), c] as const));
  }

  /** Each table whose views were added: its term number → this builder's. */
  private readonly numbering = new Map<CountTable, Int32Array>();

  private addView(view: TableCounts): void {
    const { table, index } = view;
    let here = this.numbering.get(table);
    if (here === undefined) this.numbering.set(table, (here = new Int32Array(table.vocab.length).fill(-1)));
    const from = table.starts[index]!;
    const to = table.starts[index + 1]!;
    // in entry order, as key by key: a term new here gets its number at its first entry
    for (let e = from; e < to; e++) {
      const id = table.ids[e]!;
      if (here[id]! < 0) here[id] = this.idOfKey(table.vocab[id]!);
    }
    // the view's entries as a batch of one document, numbered as that table numbers them
    this.rows.appendBatch(
      { starts: Int32Array.of(0, to - from), ids: table.ids.subarray(from, to), counts: table.counts.subarray(from, to) },
      here,
    );
  }

  /** Add one document's counts given as keys and counts side by side (each key once). */
  addEntries(keys: readonly string[], counts: readonly number[]): void {
    this.rows.appendOne(keys.map((key, i) => [this.idOfKey(key), counts[i]!] as const));
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
