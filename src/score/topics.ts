import { seededRandom } from '../matrix/seeded-random.ts';
import { DotKernel } from '../matrix/dot-kernel.ts';
import type { UnitRows } from '../matrix/unit-rows.ts';
import { bestOfRestarts, similarity, sphericalKMeans } from '../matrix/spherical-kmeans.ts';
import type { CountTable } from '../matrix/count-table.ts';
import { sortEntries } from '../matrix/sort-entries.ts';
import { TableCounts, tableViews } from '../matrix/table-counts.ts';
import { tableRows } from '../matrix/table-of-maps.ts';
import { TermSums } from './term-sums.ts';
import type { Csr } from '../matrix/truncated-svd.ts';
import { projector, truncatedSvd } from '../matrix/truncated-svd.ts';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';

/** A topic of a scope: a group of suggestions with the words that set it apart. */
export interface Topic extends Scope {
  /** Unique over the run. */
  topicId: number;
  /** Its top 2–3 terms joined by ·; `其他（未归类）` for the outlier group. */
  label: string;
  size: number;
  /** Top terms by class-based TF-IDF (frequent here, rare in the scope's other topics). */
  terms: string[];
  /** Mean NPMI of the top-10 terms' pairs over the scope's suggestions (−1 … 1). */
  coherence: number;
  /** Ids of the suggestions closest to the topic's centre. */
  representative: string[];
  outlier: boolean;
}

export interface DocumentTopic {
  documentId: string;
  topicId: number;
  /** Cosine similarity to the topic's centre (0 for the outlier group). */
  weight: number;
}

/** Why a scope has no topics, when it has none. */
export interface TopicScopeNote extends Scope {
  documents: number;
  k: number | null;
  note: string;
  /** Mean NPMI coherence of the topics' top-10 terms, per k tried (the most coherent k is taken). */
  coherenceByK: Record<number, number>;
}

export interface TopicOptions {
  /** Fixed number of topics in every scope (default: chosen per scope). */
  topics?: number;
  /** Seed of the samples, bases and restarts (a scope's own seed adds the scope to it). */
  seed: string;
  /** Scopes with fewer suggestions get no topics (default 20). */
  minDocuments?: number;
  /** Most topics tried when choosing (default 12). */
  maxTopics?: number;
  /** Latent semantic space (default) or raw TF-IDF rows; the second is kept for the comparison in docs/topics.md. */
  representation?: TopicRepresentation;
  /**
   * The two levers on the topics' time (default 100 and 40), there to measure what each buys and
   * costs (`npm run eval:topics`, docs/topics.md): dimensions of the latent space, and k-means
   * restarts for the chosen k, the clustering with the most summed cosine kept. Whole numbers ≥ 1.
   */
  lsaRank?: number;
  finalRestarts?: number;
}

/** A scope's TF-IDF weighting (rows are made from it when needed, so a large scope's rows need not all be held at once). */
interface Weighting {
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
function weighting(index: TermIndex): Weighting {
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
function tfidfRows(docs: readonly { title: string }[], index: TermIndex, w: Weighting, rows: readonly number[]): Csr {
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

/** Per row: 1 when it has no entries. */
function emptyRows(m: Csr): Uint8Array {
  const empty = new Uint8Array(m.rowStart.length - 1);
  for (let i = 0; i < empty.length; i++) empty[i] = m.rowStart[i + 1] === m.rowStart[i] ? 1 : 0;
  return empty;
}

/** from, from + 1, … to − 1. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The given rows of a CSR matrix, with columns renumbered by `column` (entries in columns mapped to −1 left out). */
function selectCsr(m: Csr, rows: readonly number[], column: Int32Array | null): Csr {
  const n = rows.length;
  const rowStart = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    let used = 0;
    for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++) if (!column || column[m.cols[e]!]! >= 0) used++;
    rowStart[r + 1] = rowStart[r]! + used;
  }
  const cols = new Int32Array(rowStart[n]!);
  const vals = new Float64Array(cols.length);
  for (let r = 0, at = 0; r < n; r++) {
    const i = rows[r]!;
    for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++) {
      const j = column ? column[m.cols[e]!]! : m.cols[e]!;
      if (j < 0) continue;
      cols[at] = j;
      vals[at++] = m.vals[e]!;
    }
  }
  return { rowStart, cols, vals };
}

/** Normalised mutual information (arithmetic mean) of two labelings. */
export function nmi(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = a.length;
  const ca = new Map<string | number, number>();
  const cb = new Map<string | number, number>();
  const joint = new Map<string, { x: string | number; y: string | number; c: number }>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i]!, (ca.get(a[i]!) ?? 0) + 1);
    cb.set(b[i]!, (cb.get(b[i]!) ?? 0) + 1);
    const key = `${a[i]}\u0001${b[i]}`;
    const e = joint.get(key);
    if (e) e.c++;
    else joint.set(key, { x: a[i]!, y: b[i]!, c: 1 });
  }
  let mi = 0;
  for (const { x, y, c } of joint.values()) mi += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  const h = (m: Map<string | number, number>): number => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  const denominator = h(ca) + h(cb);
  return denominator === 0 ? 1 : (2 * mi) / denominator;
}

/** How a scope's suggestions are represented for clustering. */
export type TopicRepresentation = 'lsa' | 'tfidf';

/** Suggestions used to fit the latent space and choose k in a large scope (all of them are then assigned). */
const SAMPLE = 3000;
const LSA_RANK = 100;
const RESTARTS_PER_K = 3;
const FINAL_RESTARTS = 40;

/** A scope's suggestions as unit vectors: the fitted ones, and all of them when asked. */
interface Represented {
  fitted: UnitRows;
  /**
   * Every suggestion's row (`fitted` itself when every suggestion was fitted), and per suggestion 1
   * when it has no weighted word; `maxK`: the most centres k-means will take on them.
   */
  all(maxK: number): { x: UnitRows; empty: Uint8Array };
}

/** Suggestions projected at a time when a large scope's rows are all projected. */
const PROJECT_CHUNK = 4096;

/**
 * The rows as unit vectors: projected on the top singular directions of the
 * TF-IDF matrix (latent semantic analysis, fitted on `fit`) — words that occur
 * together fold into one direction, so two suggestions about one theme in
 * different words come close — or, for comparison, the TF-IDF rows as they are.
 * In a large scope the other suggestions' rows are made and projected only
 * when all are asked for, a chunk at a time: neither their TF-IDF rows nor
 * their projections are held while k is chosen on the sample.
 */
function represent(
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
    const { rowStart, cols, vals } = tfidfRows(docs, index, w, range(0, n));
    const sparse = Array.from({ length: n }, (_, i) =>
      Array.from(
        { length: rowStart[i + 1]! - rowStart[i]! },
        (_, e) => [cols[rowStart[i]! + e]!, vals[rowStart[i]! + e]!] as [number, number],
      ),
    );
    const x = { values: new Float64Array(0), dim: w.vocab.length, sparse };
    const empty = emptyRows({ rowStart, cols, vals });
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
function subset(x: UnitRows, members: readonly number[]): UnitRows {
  if (x.sparse) return { values: x.values, dim: x.dim, sparse: members.map((i) => x.sparse![i]!) };
  const values = new Float64Array(members.length * x.dim);
  members.forEach((i, r) => values.set(x.values.subarray(i * x.dim, (i + 1) * x.dim), r * x.dim));
  return { values, dim: x.dim };
}

/**
 * `size` indices drawn without replacement by a seeded shuffle, ascending (all
 * indices when n ≤ size). Random rather than every m-th: a stride aliases with
 * any period in the input's order and can miss a whole group.
 */
function sampleIndices(n: number, size: number, random: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return all;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}

/**
 * Choose k: for each k from 3 up, cluster (best of 3 seeded runs), and
 * measure how coherent each topic's top-10 words are (NPMI over the
 * suggestions); the score of a k is the mean coherence weighted by topic size,
 * so a topic counts by how many suggestions it describes. Take the most
 * coherent k. (Tried and rejected, on the labelled messages: the unweighted
 * mean, which a single tiny topic of rare words swings, so the chosen k jumped
 * between 3 and 12 with the seed; seed stability, which favoured splits that
 * recur but mean nothing — see docs/topics.md.)
 */
function chooseK(x: UnitRows, index: TermIndex, maxK: number, random: () => number): { k: number; coherenceByK: Record<number, number> } {
  const coherenceByK: Record<number, number> = {};
  let bestK = 3;
  let best = -Infinity;
  for (let k = 3; k <= maxK; k++) {
    const r = bestOfRestarts(x, k, RESTARTS_PER_K, random);
    const groups: number[][] = Array.from({ length: k }, () => []);
    r.assign.forEach((c, i) => groups[c]!.push(i));
    const filled = groups.filter((g) => g.length > 0);
    const terms = classTfIdf(filled, index);
    const coherence = terms.reduce((a, t, i) => a + filled[i]!.length * indexedNpmi(t.slice(0, 10), index), 0) / index.rows.length;
    coherenceByK[k] = Math.round(coherence * 1000) / 1000;
    if (coherence > best) {
      best = coherence;
      bestK = k;
    }
  }
  return { k: bestK, coherenceByK };
}

function wholeNumber(name: string, x: number): number {
  if (!Number.isInteger(x) || x < 1) throw new RangeError(`topic option ${name} must be a whole number ≥ 1, not ${x}`);
  return x;
}

/** Topics of one scope's documents. */
export function topicsOfScope(
  scope: Scope,
  docs: readonly (TermDocument & { id: string; title: string })[],
  firstId: number,
  options: TopicOptions,
): { topics: Topic[]; assignments: DocumentTopic[]; note: TopicScopeNote } {
  const minDocuments = options.minDocuments ?? 20;
  const lsaRank = wholeNumber('lsaRank', options.lsaRank ?? LSA_RANK);
  const finalRestarts = wholeNumber('finalRestarts', options.finalRestarts ?? FINAL_RESTARTS);
  const seed = `${options.seed}|${scope.category ?? '*'}|${scope.year ?? '*'}`;
  const base = { ...scope, documents: docs.length, coherenceByK: {} };
  if (docs.length < minDocuments) {
    return {
      topics: [],
      assignments: [],
      note: { ...base, k: null, note: `${docs.length} suggestions: fewer than ${minDocuments}, too few for topics` },
    };
  }
  const index = indexTerms(docs);
  const w = weighting(index);
  if (w.vocab.length === 0) {
    return { topics: [], assignments: [], note: { ...base, k: null, note: `${docs.length} suggestions share no words: no topics` } };
  }
  const sample = sampleIndices(docs.length, SAMPLE, seededRandom(`${seed}|sample`));
  const space = represent(docs, index, w, sample, options.representation ?? 'lsa', lsaRank, seededRandom(`${seed}|basis`));
  const xs = space.fitted;
  const maxK = Math.max(3, Math.min(options.maxTopics ?? 12, Math.floor(docs.length / 8)));
  // the k search and the restarts take their cosines in WebAssembly (dot-kernel.ts: the same bits)
  const kernelK = Math.max(maxK, options.topics ?? 0, 2);
  const held = xs.sparse ? xs : new DotKernel(xs, kernelK).rows;
  const chosen = options.topics
    ? { k: options.topics, coherenceByK: {} }
    : chooseK(held, sample.length === docs.length ? index : subIndex(index, sample), maxK, seededRandom(`${seed}|k`));
  const k = Math.max(2, Math.min(chosen.k, docs.length));
  let result = bestOfRestarts(held, k, finalRestarts, seededRandom(`${seed}|final`));
  // a large scope: the sample's centres, refined over every suggestion
  const { x, empty } = space.all(kernelK);
  if (xs !== x) result = sphericalKMeans(x, k, () => 0, result.centres);
  const sims = docs.map((_, i) => similarity(x, i, result, result.assign[i]!));
  // outliers: suggestions with nothing in common with their topic, at most 15% of the scope
  const cap = Math.floor(0.15 * docs.length);
  const outliers = new Set(
    docs
      .map((_, i) => i)
      .filter((i) => empty[i] === 1 || sims[i]! < 0.05)
      .sort((a, b) => sims[a]! - sims[b]!)
      .slice(0, cap),
  );
  const members: number[][] = Array.from({ length: k }, () => []);
  docs.forEach((_, i) => {
    if (!outliers.has(i)) members[result.assign[i]!]!.push(i);
  });
  // order topics by size, then by their first member, so ids are stable
  const order = members
    .map((m, c) => ({ m, c }))
    .filter((x) => x.m.length > 0)
    .sort((x, y) => y.m.length - x.m.length || x.m[0]! - y.m[0]!);
  const topicTerms = classTfIdf(
    order.map((o) => o.m),
    index,
  );
  const topics: Topic[] = [];
  const assignments: DocumentTopic[] = [];
  order.forEach((o, t) => {
    const topicId = firstId + t;
    const terms = topicTerms[t]!.slice(0, 10);
    const representative = [...o.m]
      .sort((a, b) => sims[b]! - sims[a]! || (docs[a]!.id < docs[b]!.id ? -1 : 1))
      .slice(0, 5)
      .map((i) => docs[i]!.id);
    topics.push({
      ...scope,
      topicId,
      label: terms.slice(0, 3).join('·'),
      size: o.m.length,
      terms,
      coherence: indexedNpmi(terms, index),
      representative,
      outlier: false,
    });
    for (const i of o.m) assignments.push({ documentId: docs[i]!.id, topicId, weight: Math.round(sims[i]! * 10000) / 10000 });
  });
  if (outliers.size > 0) {
    const topicId = firstId + order.length;
    topics.push({
      ...scope,
      topicId,
      label: '其他（未归类）',
      size: outliers.size,
      terms: [],
      coherence: 0,
      representative: [],
      outlier: true,
    });
    for (const i of [...outliers].sort((a, b) => a - b)) assignments.push({ documentId: docs[i]!.id, topicId, weight: 0 });
  }
  return {
    topics,
    assignments,
    note: {
      ...base,
      k,
      coherenceByK: chosen.coherenceByK,
      note: `${order.length} topics${options.topics ? ' (fixed)' : ' (k chosen by coherence)'}, ${outliers.size} outliers`,
    },
  };
}

/**
 * Documents' term counts by term number, for the many passes below: document
 * i's entries are starts[rows[i]] … starts[rows[i] + 1] of ids and counts
 * (count-table.ts tableRows: a run's documents are read in place).
 */
interface TermIndex extends Pick<CountTable, 'vocab' | 'starts' | 'ids' | 'counts'> {
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

function indexTerms(docs: readonly TermDocument[]): TermIndex {
  const { table, rows } = tableRows(docs);
  const first = docs[0]?.terms;
  // the table's shared term lookup (a run's table holds the whole corpus's vocabulary: one lookup for all scopes)
  const lookup = first instanceof TableCounts && first.table === table ? first : tableViews(table)[0];
  const { vocab, starts, ids, counts } = table;
  return { vocab, starts, ids, counts, rows, idOf: (t) => lookup?.keyId(t) ?? -1, wordy: null, place: null, sums: null, total: null };
}

/** The documents `members` of an index, as an index of their own (the same table, read in place). */
function subIndex(index: TermIndex, members: readonly number[]): TermIndex {
  return { ...index, rows: Int32Array.from(members, (i) => index.rows[i]!), wordy: null, place: null, sums: null, total: null };
}

/**
 * Whether term number `id` has two or more characters (two code units can be
 * one character outside the BMP); worked out once per term, and only for the
 * terms met, since a run's table holds the whole corpus's vocabulary.
 */
function isWordy(index: TermIndex, id: number): boolean {
  index.wordy ??= new Uint8Array(index.vocab.length);
  const { wordy } = index;
  if (wordy[id] === 0) {
    const t = index.vocab[id]!;
    wordy[id] = t.length > 2 || (t.length === 2 && [...t].length === 2) ? 1 : 2;
  }
  return wordy[id] === 1;
}

/**
 * Class-based TF-IDF: a term's share in the topic × ln(1 + mean topic size / its frequency over
 * all topics); each topic's top `limit` terms.
 */
function classTfIdf(groups: number[][], index: TermIndex, limit = 10): string[][] {
  const { vocab, starts, ids, counts, rows } = index;
  // each group's counts by term (term-sums.ts), and their total over the groups; both made once per
  // index, not per k tried, and empty again after use (taken, and cleared below)
  index.sums ??= new TermSums(vocab.length, (n) => new Float64Array(n));
  index.total ??= new Float64Array(vocab.length);
  const { sums: termSums, total } = index;
  const sums = groups.map((g) => {
    for (const i of g) {
      for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++) if (isWordy(index, ids[e]!)) termSums.add(ids[e]!, 1, counts[e]!);
    }
    const { ids: touched, second: values } = termSums.take();
    touched.forEach((id, k) => (total[id]! += values[k]!));
    return { touched, values, size: values.reduce((a, b) => a + b, 0) };
  });
  const average = sums.reduce((a, m) => a + m.size, 0) / Math.max(1, sums.length);
  const tops = sums.map(({ touched, values, size }) => {
    const top: (readonly [string, number])[] = [];
    touched.forEach((id, x) => {
      const e = [vocab[id]!, (values[x]! / (size || 1)) * Math.log(1 + average / total[id]!)] as const;
      if (top.length === limit && !before(e, top[limit - 1]!)) return;
      let at = top.length < limit ? top.length : limit - 1;
      top[at] = e;
      for (; at > 0 && before(top[at]!, top[at - 1]!); at--) [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
    });
    return top.map(([t]) => t);
  });
  for (const { touched } of sums) for (const id of touched) total[id] = 0;
  return tops;
}

/** Higher score first, then by term. */
function before(a: readonly [string, number], b: readonly [string, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/** Mean normalised PMI of all pairs of `terms`, by co-occurrence in the same suggestion. */
export function npmi(terms: readonly string[], docs: readonly TermDocument[]): number {
  return indexedNpmi(terms, indexTerms(docs));
}

function indexedNpmi(terms: readonly string[], index: TermIndex): number {
  const { starts, ids, rows } = index;
  const n = rows.length;
  const t = terms.length;
  // each term's place in `terms` by term number (−1: not one of them), cleared again below
  index.place ??= new Int32Array(index.vocab.length).fill(-1);
  const { place } = index;
  const marked = terms.map((term) => index.idOf(term));
  marked.forEach((id, a) => {
    if (id >= 0) place[id] = a;
  });
  // one pass over the documents: how many hold each term, and each pair of terms
  const holding = new Float64Array(t);
  const together = new Float64Array(t * t);
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    present.length = 0;
    for (let e = starts[rows[i]!]!; e < starts[rows[i]! + 1]!; e++) if (place[ids[e]!]! >= 0) present.push(place[ids[e]!]!);
    present.sort((x, y) => x - y);
    for (let x = 0; x < present.length; x++) {
      holding[present[x]!]!++;
      for (let y = x + 1; y < present.length; y++) together[present[x]! * t + present[y]!]!++;
    }
  }
  for (const id of marked) if (id >= 0) place[id] = -1;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < t; a++)
    for (let b = a + 1; b < t; b++) {
      const na = holding[a]!;
      const nb = holding[b]!;
      const nab = together[a * t + b]!;
      pairs++;
      if (nab === 0) {
        sum -= 1;
        continue;
      }
      const pab = nab / n;
      sum += pab === 1 ? 1 : Math.log(pab / ((na / n) * (nb / n))) / -Math.log(pab);
    }
  return pairs === 0 ? 0 : Math.round((sum / pairs) * 1000) / 1000;
}

/** The documents of a scope. */
export function documentsInScope<D extends { category: string | null; year: number | null }>(scope: Scope, docs: readonly D[]): D[] {
  return docs.filter((d) => (scope.category === null || d.category === scope.category) && (scope.year === null || d.year === scope.year));
}

export type ScopeTopics = ReturnType<typeof topicsOfScope>;

/** Scope results computed with first id 1, joined in scope order with ids made unique over the run. */
export function joinScopeTopics(results: readonly ScopeTopics[]): {
  topics: Topic[];
  assignments: DocumentTopic[];
  notes: TopicScopeNote[];
} {
  const topics: Topic[] = [];
  const assignments: DocumentTopic[] = [];
  const notes: TopicScopeNote[] = [];
  for (const r of results) {
    const offset = topics.length;
    topics.push(...r.topics.map((t) => ({ ...t, topicId: t.topicId + offset })));
    assignments.push(...r.assignments.map((a) => ({ ...a, topicId: a.topicId + offset })));
    notes.push(r.note);
  }
  return { topics, assignments, notes };
}

/**
 * Topics for every scope with enough suggestions: the whole corpus, each
 * category, each year, and each (category, year). Topic ids are unique over
 * the run, assigned in scope order. (score/parallel-topics.ts does the same
 * over worker threads.)
 */
export function topicsOfScopes(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions,
): { topics: Topic[]; assignments: DocumentTopic[]; notes: TopicScopeNote[] } {
  return joinScopeTopics(scopes.map((scope) => topicsOfScope(scope, documentsInScope(scope, docs), 1, options)));
}
