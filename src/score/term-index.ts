import type { CountTable } from '../matrix/count-table.ts';
import { keyNumbers } from '../matrix/table-counts.ts';
import { tableRows } from '../matrix/table-of-maps.ts';
import type { TermDocument } from './scope-counts.ts';
import { TermSums } from './term-sums.ts';

/**
 * Documents' term counts by term number, for the many passes below: document
 * i's entries are starts[rows[i]] … starts[rows[i] + 1] of ids and counts
 * (count-table.ts tableRows: a run's documents are read in place).
 */
export interface TermIndex extends Pick<CountTable, 'vocab' | 'starts' | 'ids' | 'counts'> {
  rows: Int32Array;
  /** A term's number, or −1. */
  idOf(term: string): number;
  /** Per term number: 1 for a term of two or more characters, 2 for a shorter one, 0 not yet looked at. */
  wordy: Uint8Array | null;
  /** −1 everywhere between uses (npmi marks its terms and clears them). */
  place: Int32Array | null;
  /** classTfIdf's sums by term number, empty between uses. */
  sums: TermSums<Float64Array> | null;
  total: Float64Array | null;
}

export function indexTerms(docs: readonly TermDocument[]): TermIndex {
  const { table, rows } = tableRows(docs);
  // the table's shared term lookup (a run's table holds the whole corpus's vocabulary: one lookup for all scopes)
  const idOf = keyNumbers(table, docs[0]?.terms);
  const { vocab, starts, ids, counts } = table;
  return { vocab, starts, ids, counts, rows, idOf, wordy: null, place: null, sums: null, total: null };
}

/** The documents `members` of an index, as an index of their own (the same table, read in place). */
export function subIndex(index: TermIndex, members: readonly number[]): TermIndex {
  return { ...index, rows: Int32Array.from(members, (i) => index.rows[i]!), wordy: null, place: null, sums: null, total: null };
}

/**
 * Whether term number `id` has two or more characters (two code units can be
 * one character outside the BMP); worked out once per term, and only for the
 * terms met, since a run's table holds the whole corpus's vocabulary.
 */
export function isWordy(index: TermIndex, id: number): boolean {
  index.wordy ??= new Uint8Array(index.vocab.length);
  const { wordy } = index;
  if (wordy[id] === 0) {
    const t = index.vocab[id]!;
    wordy[id] = t.length > 2 || (t.length === 2 && [...t].length === 2) ? 1 : 2;
  }
  return wordy[id] === 1;
}
