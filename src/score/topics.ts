import { DotKernel } from '../matrix/dot-kernel.ts';
import { seededRandom } from '../matrix/seeded-random.ts';
import { bestOfRestarts, similarity, sphericalKMeans } from '../matrix/spherical-kmeans.ts';
import { chooseK } from './choose-k.ts';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import { indexTerms, subIndex } from './term-index.ts';
import { classTfIdf, topicsNpmi } from './topic-terms.ts';
import type { TopicRepresentation } from './topic-space.ts';
import { SAMPLE, represent, sampleIndices } from './topic-space.ts';
import { weighting } from './topic-weighting.ts';

export type { TopicRepresentation } from './topic-space.ts';
export { npmi } from './topic-terms.ts';

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
   * The three levers on the topics' time (default 100, 40 and 3), there to measure what each buys
   * and costs (`npm run eval:topics`, docs/topics.md): dimensions of the latent space, k-means
   * restarts for the chosen k (the clustering with the most summed cosine kept), and restarts for
   * each k the search for k tries. Whole numbers ≥ 1.
   */
  lsaRank?: number;
  finalRestarts?: number;
  searchRestarts?: number;
}

/** The latent space's dimensions and the k-means restarts for the chosen k and for each k tried, unless the options say otherwise. */
const LSA_RANK = 100;
const FINAL_RESTARTS = 40;
const SEARCH_RESTARTS = 3;

function wholeNumber(name: string, x: number): number {
  if (!Number.isInteger(x) || x < 1) throw new RangeError(`topic option ${name} must be a whole number ≥ 1, not ${x}`);
  return x;
}

/**
 * Topics of one scope's documents. `refused`: words that may not name a topic (the word gate's
 * and the analyst's: 服务 发展 周边), though they count in the clustering and in the search for k.
 */
export function topicsOfScope(
  scope: Scope,
  docs: readonly (TermDocument & { id: string; title: string })[],
  firstId: number,
  options: TopicOptions,
  refused?: ReadonlySet<string>,
): { topics: Topic[]; assignments: DocumentTopic[]; note: TopicScopeNote } {
  const minDocuments = options.minDocuments ?? 20;
  const lsaRank = wholeNumber('lsaRank', options.lsaRank ?? LSA_RANK);
  const finalRestarts = wholeNumber('finalRestarts', options.finalRestarts ?? FINAL_RESTARTS);
  const searchRestarts = wholeNumber('searchRestarts', options.searchRestarts ?? SEARCH_RESTARTS);
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
    : chooseK(held, sample.length === docs.length ? index : subIndex(index, sample), maxK, seededRandom(`${seed}|k`), searchRestarts);
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
    10,
    refused && ((term) => !refused.has(term)),
  );
  const coherence = topicsNpmi(
    topicTerms.map((t) => t.slice(0, 10)),
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
      coherence: coherence[t]!,
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
    // one at a time: a scope of 300,000 suggestions has as many assignments, beyond what a call's
    // arguments can hold (push(...) overflowed the stack)
    for (const t of r.topics) topics.push({ ...t, topicId: t.topicId + offset });
    for (const a of r.assignments) assignments.push({ ...a, topicId: a.topicId + offset });
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
  refused?: ReadonlySet<string>,
): { topics: Topic[]; assignments: DocumentTopic[]; notes: TopicScopeNote[] } {
  return joinScopeTopics(scopes.map((scope) => topicsOfScope(scope, documentsInScope(scope, docs), 1, options, refused)));
}
