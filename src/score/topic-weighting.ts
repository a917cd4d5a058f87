import { sortEntries } from '../matrix/sort-entries.ts';
import type { Csr } from '../matrix/csr-rows.ts';
import type { TermIndex } from './term-index.ts';
import { isWordy } from './term-index.ts';

/** A scope's TF-IDF weighting (rows are made from it when needed, so a large scope's rows need not all be held at once). */
export interface Weighting {
  /** The weighted terms, sorted: column j is vocab[j]. */
  vocab: string[];
  /** Per term number of the scope's term index: its column, or −1. */
  column: Int32Array;
  /** Per column: ln(N/df). */
  idf: Float64Array;
}

/**
 * TF-IDF weighting of a scope's documents: sublinear term frequency ×
 * ln(N/df), over words of two or more characters found in at least 5
 * suggestions and at most 10% of them in a large scope (broader words are the
 * scope's general vocabulary, not a topic's), or in 2 to 50% of them in a
 * scope under 200 suggestions (where a topic's own words are necessarily
 * broad); title words count double. Counted by term number over the scope's
 * term index (a run's documents read in place), not by string.
 */
export function weighting(index: TermIndex): Weighting {
  const { starts, ids, rows } = index;
  const n = rows.length;
  const df = new Int32Array(index.vocab.length);
  for (let i = 0; i < n; i++) for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++) df[ids[e]!]!++;
  const minDf = n >= 200 ? 5 : 2;
  const maxDf = Math.max(minDf, (n >= 200 ? 0.1 : 0.5) * n);
  const kept: number[] = [];
  for (let id = 0; id < df.length; id++) if (df[id]! >= minDf && df[id]! <= maxDf && isWordy(index, id)) kept.push(id);
  // columns in the terms' order (by UTF-16 code unit, as < compares; a table's numbers already are)
  kept.sort((a, b) => (index.vocab[a]! < index.vocab[b]! ? -1 : index.vocab[a]! > index.vocab[b]! ? 1 : 0));
  const column = new Int32Array(index.vocab.length).fill(-1);
  const idf = new Float64Array(kept.length);
  kept.forEach((id, j) => {
    column[id] = j;
    idf[j] = Math.log(n / df[id]!);
  });
  return { vocab: kept.map((id) => index.vocab[id]!), column, idf };
}

/**
 * The TF-IDF rows of documents `rows` (of the scope's `docs`, in `index`),
 * L2-normalised, as compressed sparse rows with columns ascending (8 + 4
 * bytes an entry: an array per entry took ten times that).
 */
export function tfidfRows(docs: readonly { title: string }[], index: TermIndex, w: Weighting, rows: readonly number[]): Csr {
  const { starts, ids, counts } = index;
  const { column, idf } = w;
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((i, r) => {
    let used = 0;
    const row = index.rows[i]!;
    for (let e = starts[row]!; e < starts[row + 1]!; e++) if (column[ids[e]!]! >= 0) used++;
    rowStart[r + 1] = rowStart[r]! + used;
  });
  const cols = new Int32Array(rowStart[rows.length]!);
  const vals = new Float64Array(cols.length);
  rows.forEach((i, r) => {
    const { title } = docs[i]!;
    const row = index.rows[i]!;
    const from = rowStart[r]!;
    let at = from;
    let squares = 0;
    for (let e = starts[row]!; e < starts[row + 1]!; e++) {
      const j = column[ids[e]!]!;
      if (j < 0) continue;
      const tf = counts[e]! + (title.includes(w.vocab[j]!) ? 2 : 0);
      const v = (1 + Math.log(tf)) * idf[j]!;
      cols[at] = j;
      vals[at++] = v;
      squares += v * v;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let e = from; e < at; e++) vals[e]! /= norm;
    // already in column order when a document's terms come in term order, as they do
    sortEntries(cols, vals, from, at);
  });
  return { rowStart, cols, vals };
}
