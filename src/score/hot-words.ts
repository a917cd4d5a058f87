import type { CountTable } from '../segment/count-table.ts';
import { countTable } from '../segment/count-table.ts';
import { logLikelihood, logOddsDirichlet } from './keyness.ts';
import { diversify } from './diversify.ts';
import type { ScopeCounts, TermDocument } from './scope-counts.ts';
import { countScopes } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import { benjaminiHochberg } from './statistics.ts';
import { backgroundSpecificity, blendedIdf } from './tfidf.ts';

/** A term of one scope with every score we compute. */
export interface Keyword extends Scope {
  term: string;
  /** 1 = hottest in the scope. */
  rank: number;
  /** The ranking score: `salience` discounted for suggestions that higher-ranked words already cover (see hotWords). */
  score: number;
  /** share × ln(ratio): salience times keyness, before diversification; TF-IDF in a scope with no rest. */
  salience: number;
  /** Suggestions of the scope raising the term, and its occurrences there. */
  docs: number;
  freq: number;
  /** docs / suggestions of the scope. */
  share: number;
  /** Normalised term frequency × blended IDF. */
  tfidf: number;
  /** Keyness against the rest of the corpus, in suggestions: null for a scope with no rest. */
  g2: number | null;
  p: number | null;
  /** Benjamini–Hochberg q over the scope's terms. */
  q: number | null;
  /** Log-odds ratio with an informative Dirichlet prior (δ), and its z-score. */
  delta: number | null;
  z: number | null;
  /** docs share in the scope / share in the rest (smoothed). */
  ratio: number | null;
  /** Over-represented with q below the false-discovery rate. */
  significant: boolean;
}

export interface ScopeSize extends Scope {
  documents: number;
}

export interface HotWordOptions {
  /** Background IDF (jieba's idf.txt); empty: corpus IDF only. */
  backgroundIdf?: ReadonlyMap<string, number>;
  /** Keywords kept per scope (default 100). */
  limit?: number;
  /** False-discovery rate for `significant` (default 0.05). */
  fdr?: number;
  /** Prior size of the log-odds model in (suggestion, term) pairs (default 1000). */
  alpha0?: number;
  /** A term must be raised in this many suggestions of a scope (default 2; 1 in scopes under 10). */
  minDocs?: number;
  /** Weight of breadth in the ranking: 0 ranks by salience alone (default 0.4; see README). */
  diversity?: number;
}

/** Candidates per scope that the diversified ranking chooses from. */
const CANDIDATES = 400;

/**
 * Hot words of every scope. A scope's words are compared with the rest of
 * the corpus, in suggestions: G² with a Benjamini–Hochberg-corrected p, and
 * the log-odds z-score with an informative Dirichlet prior. Only words raised
 * more than in the rest are ranked. Salience × keyness = share × ln(ratio)
 * (the word's contribution to how much the scope differs from the rest);
 * the ranking then prefers, among salient words, those that bring in
 * suggestions the higher-ranked words do not cover (see diversify). The
 * (all, all) scope has no rest: its salience is TF-IDF against the blended
 * IDF. Ties break by docs, then by term code point.
 */
export function hotWords(docs: readonly TermDocument[], options: HotWordOptions = {}): { keywords: Keyword[]; scopes: ScopeSize[] } {
  // each document's term numbers: for the counts, and the coverage of the diversified ranking
  const table = countTable(docs);
  const scopes = countScopes(docs, table);
  const all = scopes[scopes.length - 1]!;
  const allDf = new Int32Array(all.vocab.length);
  all.ids.forEach((id, k) => (allDf[id] = all.df[k]!));
  const idf = blendedIdf(new Map(Array.from(all.ids, (id, k) => [all.vocab[id]!, all.df[k]!])), all.documents, options.backgroundIdf ?? new Map());
  const specificity = backgroundSpecificity(options.backgroundIdf ?? new Map(), all.documents);
  const keywords: Keyword[] = [];
  for (const s of scopes) keywords.push(...scoreScope(s, all, allDf, idf, specificity, options, table));
  return { keywords, scopes: scopes.map((s) => ({ ...s.scope, documents: s.documents })) };
}

function scoreScope(s: ScopeCounts, all: ScopeCounts, allDf: Int32Array, idf: (t: string) => number, specificity: (t: string) => number, options: HotWordOptions, table: CountTable): Keyword[] {
  const fdr = options.fdr ?? 0.05;
  const alpha0 = options.alpha0 ?? 1000;
  const minDocs = options.minDocs ?? (s.documents < 10 ? 1 : 2);
  const restDocs = all.documents - s.documents;
  const restTotal = all.dfTotal - s.dfTotal;
  let tfTotal = 0;
  for (const v of s.tf) tfTotal += v;
  // every term's p-value goes into the false-discovery correction; only the candidates
  // (raised in enough suggestions, and more than in the rest) become keyword rows
  const pValues = new Float64Array(restDocs === 0 ? 0 : s.ids.length);
  const rows: Keyword[] = [];
  const rowIndex: number[] = [];
  for (let at = 0; at < s.ids.length; at++) {
    const term = s.vocab[s.ids[at]!]!;
    const a = s.df[at]!;
    const share = a / s.documents;
    if (restDocs === 0) {
      if (a < minDocs) continue;
      const freq = s.tf[at]!;
      const tfidf = (freq / tfTotal) * idf(term);
      rows.push({ category: s.scope.category, year: s.scope.year, term, rank: 0, score: 0, salience: tfidf, docs: a, freq, share, tfidf, g2: null, p: null, q: null, delta: null, z: null, ratio: null, significant: false });
      continue;
    }
    const inAll = allDf[s.ids[at]!]!;
    const b = inAll - a;
    const ll = logLikelihood(a, s.documents, b, restDocs);
    pValues[at] = ll.over ? ll.p : 1;
    const ratio = (a / s.documents) / ((b + 0.5) / (restDocs + 0.5));
    if (a < minDocs || !(ratio > 1)) continue;
    const freq = s.tf[at]!;
    const tfidf = (freq / tfTotal) * idf(term);
    const lo = logOddsDirichlet(a, s.dfTotal, b, restTotal, (alpha0 * inAll) / all.dfTotal, alpha0);
    rows.push({ category: s.scope.category, year: s.scope.year, term, rank: 0, score: 0, salience: share * Math.log(ratio) * specificity(term), docs: a, freq, share, tfidf, g2: ll.g2, p: pValues[at]!, q: null, delta: lo.delta, z: lo.z, ratio, significant: false });
    rowIndex.push(at);
  }
  if (restDocs > 0) {
    const q = benjaminiHochberg(pValues);
    rows.forEach((r, i) => {
      r.q = q[rowIndex[i]!]!;
      r.significant = r.z! > 0 && r.ratio! > 1 && r.q < fdr;
    });
  }
  const byTerm = (x: Keyword, y: Keyword): number => y.salience - x.salience || y.docs - x.docs || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
  const candidates = rows.sort(byTerm).slice(0, CANDIDATES);
  const index = new Map(candidates.map((c, i) => [c.term, i]));
  // a word covers the suggestions that mention it, also inside a longer word (环保 in 环保局,
  // 电 in 停电): so 环保局 after 环保 brings nothing new, as a reader of the list sees it
  const docsOf: number[][] = candidates.map(() => []);
  const maxLen = Math.max(...candidates.map((c) => c.term.length));
  // the candidates inside each of the scope's terms (by number), looked up once per term rather than
  // per mention: term id's candidates are insideList[insideStart[id] … insideEnd[id])
  const insideStart = new Int32Array(s.vocab.length);
  const insideEnd = new Int32Array(s.vocab.length);
  const insideList: number[] = [];
  for (const id of s.ids) {
    const term = s.vocab[id]!;
    insideStart[id] = insideList.length;
    for (let a = 0; a < term.length; a++) {
      for (let b = a + 1; b <= Math.min(term.length, a + maxLen); b++) {
        const i = index.get(term.slice(a, b));
        if (i !== undefined && insideList.indexOf(i, insideStart[id]) < 0) insideList.push(i);
      }
    }
    insideEnd[id] = insideList.length;
  }
  // each document once in the list of every candidate it holds, in document order
  const lastDoc = new Int32Array(candidates.length).fill(-1);
  for (const d of s.members) {
    for (let e = table.starts[d]!; e < table.starts[d + 1]!; e++) {
      const id = table.ids[e]!;
      for (let at = insideStart[id]!; at < insideEnd[id]!; at++) {
        const i = insideList[at]!;
        if (lastDoc[i] !== d) {
          lastDoc[i] = d;
          docsOf[i]!.push(d);
        }
      }
    }
  }
  const order = diversify(candidates.map((c, i) => ({ term: c.term, base: c.salience, docs: docsOf[i]! })), options.limit ?? 100, options.diversity ?? 0.4);
  return order.map((o, i) => ({ ...candidates[index.get(o.term)!]!, rank: i + 1, score: o.gain }));
}
