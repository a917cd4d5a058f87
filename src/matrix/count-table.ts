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

/** Typed arrays over SharedArrayBuffers: posted to a worker, they are shared, not copied. */
export function shared<T extends Int32Array | Uint8Array>(
  make: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number },
  length: number,
): T {
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

/** The given rows of a table, in that order, as a table of their own (same key numbers). */
export function rowsOf(table: CountTable, rows: readonly number[]): CountTable {
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
