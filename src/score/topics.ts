import { seededRandom } from '../export/seeded-random.ts';
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
  seed?: string;
  /** Scopes with fewer suggestions get no topics (default 20). */
  minDocuments?: number;
  /** Most topics tried when choosing (default 12). */
  maxTopics?: number;
}

interface Vectors {
  rows: [number, number][][];
  vocab: string[];
}

/**
 * TF-IDF vectors of a scope's documents, L2-normalised: sublinear term
 * frequency × ln(N/df), over words of two or more characters found in at
 * least 5 suggestions and at most 10% of them in a large scope (broader words
 * are the scope's general vocabulary, not a topic's), or in 2 to 50% of them
 * in a scope under 200 suggestions (where a topic's own words are
 * necessarily broad); title words count double.
 */
function vectorise(docs: readonly (TermDocument & { title: string })[]): Vectors {
  const n = docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const minDf = n >= 200 ? 5 : 2;
  const maxDf = Math.max(minDf, (n >= 200 ? 0.1 : 0.5) * n);
  const vocab = [...df].filter(([t, c]) => c >= minDf && c <= maxDf && [...t].length >= 2).map(([t]) => t).sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const rows = docs.map((d) => {
    const entries: [number, number][] = [];
    for (const [t, c] of d.terms) {
      const j = index.get(t);
      if (j === undefined) continue;
      const tf = c + (d.title.includes(t) ? 2 : 0);
      entries.push([j, (1 + Math.log(tf)) * Math.log(n / df.get(t)!)]);
    }
    const norm = Math.sqrt(entries.reduce((a, [, v]) => a + v * v, 0)) || 1;
    return entries.map(([j, v]) => [j, v / norm] as [number, number]).sort((a, b) => a[0] - b[0]);
  });
  return { rows, vocab };
}

function dot(row: readonly [number, number][], centre: Float64Array): number {
  let s = 0;
  for (const [j, v] of row) s += v * centre[j]!;
  return s;
}

/** Spherical k-means with k-means++ seeding from `random`; returns assignments, centres and the summed cosine. */
function sphericalKMeans(v: Vectors, k: number, random: () => number): { assign: number[]; centres: Float64Array[]; objective: number } {
  const n = v.rows.length;
  const dim = v.vocab.length;
  const dense = (i: number): Float64Array => {
    const c = new Float64Array(dim);
    for (const [j, x] of v.rows[i]!) c[j] = x;
    return c;
  };
  const centres = [dense(Math.floor(random() * n))];
  const nearest = new Float64Array(n).fill(-Infinity);
  while (centres.length < k) {
    const last = centres[centres.length - 1]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.max(nearest[i]!, dot(v.rows[i]!, last));
      total += Math.max(0, 1 - nearest[i]!) ** 2;
    }
    let r = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= Math.max(0, 1 - nearest[i]!) ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centres.push(dense(pick));
  }
  const assign = new Array<number>(n).fill(-1);
  for (let iteration = 0; iteration < 50; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(v.rows[i]!, centres[c]!);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assign[i] !== best) {
        assign[i] = best;
        changed++;
      }
    }
    for (const c of centres) c.fill(0);
    for (let i = 0; i < n; i++) for (const [j, x] of v.rows[i]!) centres[assign[i]!]![j]! += x;
    for (const c of centres) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += c[j]! * c[j]!;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < dim; j++) c[j]! /= norm;
    }
    if (changed === 0) break;
  }
  let objective = 0;
  for (let i = 0; i < n; i++) objective += dot(v.rows[i]!, centres[assign[i]!]!);
  return { assign, centres, objective };
}

/** The best of `restarts` runs (highest summed cosine). */
function bestOf(v: Vectors, k: number, seed: string, restarts: number): ReturnType<typeof sphericalKMeans> {
  const random = seededRandom(`${seed}|${k}`);
  let best: ReturnType<typeof sphericalKMeans> | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = sphericalKMeans(v, k, random);
    if (!best || run.objective > best.objective) best = run;
  }
  return best!;
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

/**
 * Choose k: for each k from 3 up, cluster, and measure how coherent the
 * topics' top-10 words are (mean NPMI over the scope's suggestions): topics
 * that are real have words that occur together. Take the most coherent k.
 * (Seed stability was tried first: rare words with high IDF made it favour
 * splits that recur but mean nothing, even on three clean synthetic themes.)
 */
function chooseK(v: Vectors, seed: string, maxK: number, docs: readonly TermDocument[]): { k: number; coherenceByK: Record<number, number> } {
  const coherenceByK: Record<number, number> = {};
  let bestK = 3;
  let best = -Infinity;
  for (let k = 3; k <= maxK; k++) {
    const r = bestOf(v, k, `${seed}|a`, 1);
    const groups: number[][] = Array.from({ length: k }, () => []);
    r.assign.forEach((c, i) => groups[c]!.push(i));
    const terms = classTfIdf(groups.filter((g) => g.length > 0), docs);
    const coherence = terms.reduce((a, t) => a + npmi(t.slice(0, 10), docs), 0) / terms.length;
    coherenceByK[k] = Math.round(coherence * 1000) / 1000;
    if (coherence > best) {
      best = coherence;
      bestK = k;
    }
  }
  return { k: bestK, coherenceByK };
}

/** Topics of one scope's documents. */
export function topicsOfScope(
  scope: Scope,
  docs: readonly (TermDocument & { id: string; title: string })[],
  firstId: number,
  options: TopicOptions = {},
): { topics: Topic[]; assignments: DocumentTopic[]; note: TopicScopeNote } {
  const minDocuments = options.minDocuments ?? 20;
  const seed = options.seed ?? 'hotwords';
  const base = { ...scope, documents: docs.length, coherenceByK: {} };
  if (docs.length < minDocuments) {
    return { topics: [], assignments: [], note: { ...base, k: null, note: `${docs.length} suggestions: fewer than ${minDocuments}, too few for topics` } };
  }
  const v = vectorise(docs);
  const maxK = Math.min(options.maxTopics ?? 12, Math.floor(docs.length / 8));
  const chosen = options.topics ? { k: options.topics, coherenceByK: {} } : chooseK(v, `${seed}|${scope.category ?? '*'}|${scope.year ?? '*'}`, Math.max(3, maxK), docs);
  const k = Math.max(2, Math.min(chosen.k, docs.length));
  const result = bestOf(v, k, `${seed}|${scope.category ?? '*'}|${scope.year ?? '*'}|final`, 5);
  const sims = docs.map((_, i) => dot(v.rows[i]!, result.centres[result.assign[i]!]!));
  // outliers: suggestions with nothing in common with their topic, at most 15% of the scope
  const cap = Math.floor(0.15 * docs.length);
  const outliers = new Set(docs.map((_, i) => i).filter((i) => v.rows[i]!.length === 0 || sims[i]! < 0.05).sort((a, b) => sims[a]! - sims[b]!).slice(0, cap));
  const members: number[][] = Array.from({ length: k }, () => []);
  docs.forEach((_, i) => {
    if (!outliers.has(i)) members[result.assign[i]!]!.push(i);
  });
  // order topics by size, then by their first member, so ids are stable
  const order = members.map((m, c) => ({ m, c })).filter((x) => x.m.length > 0).sort((x, y) => y.m.length - x.m.length || x.m[0]! - y.m[0]!);
  const topicTerms = classTfIdf(order.map((o) => o.m), docs);
  const topics: Topic[] = [];
  const assignments: DocumentTopic[] = [];
  order.forEach((o, t) => {
    const topicId = firstId + t;
    const terms = topicTerms[t]!.slice(0, 10);
    const representative = [...o.m].sort((a, b) => sims[b]! - sims[a]! || (docs[a]!.id < docs[b]!.id ? -1 : 1)).slice(0, 5).map((i) => docs[i]!.id);
    topics.push({ ...scope, topicId, label: terms.slice(0, 3).join('·'), size: o.m.length, terms, coherence: npmi(terms, docs), representative, outlier: false });
    for (const i of o.m) assignments.push({ documentId: docs[i]!.id, topicId, weight: Math.round(sims[i]! * 10000) / 10000 });
  });
  if (outliers.size > 0) {
    const topicId = firstId + order.length;
    topics.push({ ...scope, topicId, label: '其他（未归类）', size: outliers.size, terms: [], coherence: 0, representative: [], outlier: true });
    for (const i of [...outliers].sort((a, b) => a - b)) assignments.push({ documentId: docs[i]!.id, topicId, weight: 0 });
  }
  return { topics, assignments, note: { ...base, k, coherenceByK: chosen.coherenceByK, note: `${order.length} topics${options.topics ? ' (fixed)' : ' (k chosen by coherence)'}, ${outliers.size} outliers` } };
}

/** Class-based TF-IDF: a term's share in the topic × ln(1 + mean topic size / its frequency over all topics). */
function classTfIdf(groups: number[][], docs: readonly TermDocument[]): string[][] {
  const counts = groups.map((g) => {
    const m = new Map<string, number>();
    for (const i of g) for (const [t, c] of docs[i]!.terms) if ([...t].length >= 2) m.set(t, (m.get(t) ?? 0) + c);
    return m;
  });
  const total = new Map<string, number>();
  for (const m of counts) for (const [t, c] of m) total.set(t, (total.get(t) ?? 0) + c);
  const average = [...counts].reduce((a, m) => a + [...m.values()].reduce((x, y) => x + y, 0), 0) / Math.max(1, counts.length);
  return counts.map((m) => {
    const size = [...m.values()].reduce((a, b) => a + b, 0) || 1;
    return [...m]
      .map(([t, c]) => [t, (c / size) * Math.log(1 + average / total.get(t)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t);
  });
}

/** Mean normalised PMI of all pairs of `terms`, by co-occurrence in the same suggestion. */
export function npmi(terms: readonly string[], docs: readonly TermDocument[]): number {
  const n = docs.length;
  const has = terms.map((t) => docs.map((d) => d.terms.has(t)));
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < terms.length; a++) for (let b = a + 1; b < terms.length; b++) {
    let na = 0;
    let nb = 0;
    let nab = 0;
    for (let i = 0; i < n; i++) {
      if (has[a]![i]) na++;
      if (has[b]![i]) nb++;
      if (has[a]![i] && has[b]![i]) nab++;
    }
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

/**
 * Topics for every scope with enough suggestions: the whole corpus, each
 * category, each year, and each (category, year). Topic ids are unique over
 * the run, assigned in scope order.
 */
export function topicsOfScopes(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions = {},
): { topics: Topic[]; assignments: DocumentTopic[]; notes: TopicScopeNote[] } {
  const topics: Topic[] = [];
  const assignments: DocumentTopic[] = [];
  const notes: TopicScopeNote[] = [];
  for (const scope of scopes) {
    const inScope = docs.filter((d) => (scope.category === null || d.category === scope.category) && (scope.year === null || d.year === scope.year));
    const r = topicsOfScope(scope, inScope, topics.length + 1, options);
    topics.push(...r.topics);
    assignments.push(...r.assignments);
    notes.push(r.note);
  }
  return { topics, assignments, notes };
}
