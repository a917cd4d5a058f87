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
