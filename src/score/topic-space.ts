import { emptyRows, range, selectCsr } from '../matrix/csr-rows.ts';
import { DotKernel } from '../matrix/dot-kernel.ts';
import { projector, truncatedSvd } from '../matrix/truncated-svd.ts';
import type { UnitRows } from '../matrix/unit-rows.ts';
import type { TermIndex } from './term-index.ts';
import type { Weighting } from './topic-weighting.ts';
import { tfidfRows } from './topic-weighting.ts';

/** Suggestions used to fit the latent space and choose k in a large scope (all of them are then assigned). */
export const SAMPLE = 3000;

/** How a scope's suggestions are represented for clustering. */
export type TopicRepresentation = 'lsa' | 'tfidf';

/** A scope's suggestions as unit vectors: the fitted ones, and all of them when asked. */
export interface Represented {
  fitted: UnitRows;
  /**
   * Every suggestion's row (`fitted` itself when every suggestion was fitted), and per suggestion 1
   * when it has no weighted word; `maxK`: the most centres k-means will take on them.
   */
  all(maxK: number): { x: UnitRows; empty: Uint8Array };
}

/** Suggestions projected at a time when a large scope's rows are all projected. */
export const PROJECT_CHUNK = 4096;

/**
 * The rows as unit vectors: projected on the top singular directions of the
 * TF-IDF matrix (latent semantic analysis, fitted on `fit`) — words that occur
 * together fold into one direction, so two suggestions about one theme in
 * different words come close — or, for comparison, the TF-IDF rows as they are.
 * In a large scope the other suggestions' rows are made and projected only
 * when all are asked for, a chunk at a time: neither their TF-IDF rows nor
 * their projections are held while k is chosen on the sample.
 */
export function represent(
  docs: readonly { title: string }[],
  index: TermIndex,
  w: Weighting,
  fit: readonly number[],
  representation: TopicRepresentation,
  lsaRank: number,
  random: () => number,
): Represented {
  const n = docs.length;
  if (representation === 'tfidf') {
    const sparse = tfidfRows(docs, index, w, range(0, n));
    const x = { values: new Float64Array(0), dim: w.vocab.length, sparse };
    const empty = emptyRows(sparse);
    return { fitted: fit.length === n ? x : subset(x, fit), all: () => ({ x, empty }) };
  }
  const fitRows = tfidfRows(docs, index, w, fit);
  // only the words the fitted suggestions use span the space (a word absent from them has a zero
  // column, and its weight on every direction would be zero): in a large scope fitted on a sample
  // most of the vocabulary is absent, and the SVD's cost grows with the columns it carries
  const column = new Int32Array(w.vocab.length).fill(-1);
  for (let e = 0; e < fitRows.cols.length; e++) column[fitRows.cols[e]!] = 0;
  let used = 0;
  for (let j = 0; j < column.length; j++) if (column[j] === 0) column[j] = used++;
  const compact = used === w.vocab.length ? null : column;
  const rank = Math.max(1, Math.min(lsaRank, Math.floor(fit.length / 2), used));
  const spanned = compact ? selectCsr(fitRows, range(0, fit.length), compact) : fitRows;
  const basis = truncatedSvd(spanned, used, rank, random);
  const project = projector(basis);
  const fitted = { values: project(spanned), dim: basis.directions.length };
  if (fit.length === n) {
    const empty = emptyRows(fitRows);
    return { fitted, all: () => ({ x: fitted, empty }) };
  }
  return {
    fitted,
    all: (maxK) => {
      // made and projected as the fitted ones were (their columns renumbered to the basis's on the
      // way), into WebAssembly memory for the refinement's k-means (dot-kernel.ts)
      const x = new DotKernel({ rows: n, dim: fitted.dim }, maxK).rows;
      const empty = new Uint8Array(n);
      for (let from = 0; from < n; from += PROJECT_CHUNK) {
        const rows = tfidfRows(docs, index, w, range(from, Math.min(n, from + PROJECT_CHUNK)));
        x.values.set(project(rows, compact), from * fitted.dim);
        empty.set(emptyRows(rows), from);
      }
      return { x, empty };
    },
  };
}

/** The rows `members` of x, as their own matrix. */
export function subset(x: UnitRows, members: readonly number[]): UnitRows {
  if (x.sparse) return { values: x.values, dim: x.dim, sparse: selectCsr(x.sparse, members, null) };
  const values = new Float64Array(members.length * x.dim);
  members.forEach((i, r) => values.set(x.values.subarray(i * x.dim, (i + 1) * x.dim), r * x.dim));
  return { values, dim: x.dim };
}

/**
 * `size` indices drawn without replacement by a seeded shuffle, ascending (all
 * indices when n ≤ size). Random rather than every m-th: a stride aliases with
 * any period in the input's order and can miss a whole group.
 */
export function sampleIndices(n: number, size: number, random: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return all;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}
