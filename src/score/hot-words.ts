import type { CountTable } from '../matrix/count-table.ts';
import { countTable } from '../matrix/table-of-maps.ts';
import { keyNumbers } from '../matrix/table-counts.ts';
import { logLikelihood, logOddsDirichlet } from './keyness.ts';
import { diversify, saidOnce } from './diversify.ts';
import type { ScopeCounts, TermDocument } from './scope-counts.ts';
import { countScopes } from './scope-counts.ts';
import { type Scope, scopeKey } from './scopes.ts';
import { benjaminiHochberg } from './statistics.ts';
import { TitleCharacters } from './title-morphemes.ts';
import { valueByNumber, verdictByNumber } from './by-term-number.ts';
import { FILL_RATIO, FILL_TO, type SingleTitleWord, singleTitleWords, titleBacking } from './short-list-fill.ts';
import { backgroundSpecificity, blendedIdf, civicSpecificity } from './tfidf.ts';
import type { WordTable } from '../segment/word-table.ts';
import { EMPTY_WORD_TABLE } from '../segment/word-table.ts';

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
  /** Suggestions of the scope whose title raises the term as its theme (themes.ts). */
  titleDocs: number;
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
  backgroundIdf?: WordTable;
  /** Document frequencies of civic language (the civic background) and the paragraphs they were counted over; absent: not used. */
  civic?: { df: ReadonlyMap<string, number>; paragraphs: number };
  /** Keywords kept per scope (default 100). */
  limit?: number;
  /** False-discovery rate for `significant` (default 0.05). */
  fdr?: number;
  /** Prior size of the log-odds model in (suggestion, term) pairs (default 1000). */
  alpha0?: number;
  /**
   * A term must be raised in this many suggestions of a scope (default 2; in a scope of under 10
   * suggestions also 1, for a word a title raises as its theme: a word one of eight suggestions
   * mentions in passing, 走过场 无人知晓 略高于, is not what the category talked about).
   */
  minDocs?: number;
  /** Weight of breadth in the ranking: 0 ranks by salience alone (default 0.2; see README). */
  diversity?: number;
  /**
   * A word of a scope with a rest is listed only if it is over-represented there with G²'s p below
   * this (default 0.05, not corrected: a ranking's entry test, not a finding; `significant` keeps the
   * corrected one). A year over all categories is exempt: it takes its words' weight in its categories;
   * so is a word two or more suggestions name as their theme in their titles, if it is named in at
   * least half of the suggestions raising it (a title says what a suggestion is about).
   */
  maxP?: number;
  /** The word-quality gate (word-gate.ts): a term that fails it is never listed. Default: every term passes. */
  gate?: (term: string) => boolean;
  /**
   * Weight of a title: a word a suggestion's title raises as its theme counts
   * 1 + titleWeight suggestions in the salience (default 2).
   */
  titleWeight?: number;
}

/** A document as hot words see it: its counts and, optionally, the words its title raises as its theme. */
export interface HotWordDocument extends TermDocument {
  titleTerms?: readonly string[];
  /** The terms as the segmenter cut them, when `terms` also counts words inside longer ones (inside-words.ts). */
  ownTerms?: ReadonlyMap<string, number>;
}

/** Suggestions more that a title raising a word as its theme counts (HotWordOptions.titleWeight's default). */
export const TITLE_WEIGHT = 2;

/**
 * Each (year, term)'s largest salience × suggestions over the year's categories, and the years that
 * have categories; year null: the categories over all years, for the whole corpus.
 */
interface CategoryWeights {
  /** By year, by term number. */
  weight: Map<number | null, Float64Array>;
  years: Set<number | null>;
}

/**
 * The category the uncategorised suggestions of a corpus where others have one are weighed as
 * (never listed: a trimmed category cannot be this).
 */
const UNCATEGORISED = '\u0000';

/** Titles naming a word as their theme that list it in a scope without the entry test's p (see scoreScope). */
const TITLE_THEME_DOCS = 2;

/**
 * Suggestions that must raise a single-character word (dictionaries/keep-single.txt: 路 房 水 药) before
 * it is listed. Counted also inside longer words, 路 stands for 马路, 路面, 公路 and 路过 at once: in a
 * session's category of ten suggestions, three such are no theme (路 was #5 of one 环境保护 list of the
 * labelled messages, filler by the small_sessions lift, and cost that session's list-F1 0.05); over a
 * corpus (路 in 65 of 城乡建设's suggestions, 药 in 19 of 卫生计生's) it is one.
 */
const SINGLE_CHARACTER_DOCS = 5;

/** Candidates per scope that the diversified ranking chooses from. */
const CANDIDATES = 400;

/**
 * Hot words of every scope. Only words that pass the gate are listed. A
 * scope's words are compared with the rest of the corpus (a category in one
 * year: with the other categories, see restOf), in suggestions
 * (`docs` counts a word also inside a longer one when the caller's counts do,
 * inside-words.ts): G² with a Benjamini–Hochberg-corrected p, and the log-odds
 * z-score with an informative Dirichlet prior. Only words raised more than in
 * the rest, with G² p < maxP, are ranked; a year over all categories weighs
 * its words as its categories do (see scoreScope), as what that session
 * talked about. Salience × keyness = share × ln(ratio) (the word's
 * contribution to how much the scope differs from the rest);
 * the ranking then prefers, among salient words, those that bring in
 * suggestions the higher-ranked words do not cover (see diversify). The
 * (all, all) scope has no rest: it weighs its words as the categories over
 * all years do, as a year does; with no categories, its salience is TF-IDF
 * against the blended IDF. Ties break by docs, then by term code point.
 */
export function hotWords(docs: readonly HotWordDocument[], options: HotWordOptions = {}): { keywords: Keyword[]; scopes: ScopeSize[] } {
  // each document's term numbers: for the counts, and the coverage of the diversified ranking
  const table = countTable(docs);
  // where only some suggestions have a category, the others are weighed as one more category (its
  // scopes scored, never listed): a year and the whole corpus weigh their words by their
  // categories, and words only the uncategorised raise would otherwise weigh nothing there
  const mixed = docs.some((d) => d.category === null) && docs.some((d) => d.category !== null);
  const scopes = countScopes(mixed ? docs.map((d) => (d.category === null ? { ...d, category: UNCATEGORISED } : d)) : docs, table);
  const all = scopes[scopes.length - 1]!;
  const allDf = dfByTerm(all);
  const idf = blendedIdf(
    new Map(Array.from(all.ids, (id, k) => [all.vocab[id]!, all.df[k]!])),
    all.documents,
    options.backgroundIdf ?? EMPTY_WORD_TABLE,
  );
  const general = backgroundSpecificity(options.backgroundIdf ?? EMPTY_WORD_TABLE, all.documents);
  const civic = civicSpecificity(options.civic?.df ?? new Map(), options.civic?.paragraphs ?? 0, all.documents);
  const keywords: Keyword[] = [];
  // a year's words as its categories rank them (the categories' scopes come first in scope order)
  const inCategories: CategoryWeights = { weight: new Map(), years: new Set() };
  const restOfScope = restOf(scopes, all);
  // per character, the suggestions whose title words hold it (for the fill of short lists; worked out when first needed)
  let titleChars: TitleCharacters | undefined;
  const titles = (): TitleCharacters => (titleChars ??= new TitleCharacters(docs));
  // what every scope asks of a term, worked out once per term (by its number) rather than once per scope
  // (the title words' numbers through the table's own lookup, which its views share)
  const numberOf = keyNumbers(table, docs[0]?.terms);
  const titleIds: (Int32Array | undefined)[] = [];
  const terms: TermFacts = {
    passes: verdictByNumber(table.vocab, options.gate ?? (() => true)),
    specificity: valueByNumber(table.vocab, (t) => general(t) * civic(t)),
    titleIds: (d) => (titleIds[d] ??= Int32Array.from((docs[d]!.titleTerms ?? []).map(numberOf).filter((id) => id >= 0))),
  };
  for (const s of scopes) {
    const rows = scoreScope(s, restOfScope(s), allDf, idf, terms, options, table, docs, inCategories, titles);
    if (s.scope.category !== UNCATEGORISED) keywords.push(...rows);
  }
  return {
    keywords,
    scopes: scopes.filter((s) => s.scope.category !== UNCATEGORISED).map((s) => ({ ...s.scope, documents: s.documents })),
  };
}

/**
 * What a scope's words are compared with: the suggestions of the corpus outside a scope that
 * holds it — the scope itself, or its category (restOf). `documents` and `dfTotal` count that
 * rest; `outsideDf` gives the holding scope's suggestions per term number (null: the scope
 * itself, whose own counts say).
 */
interface Rest {
  documents: number;
  dfTotal: number;
  outsideDf: Int32Array | null;
  /** The holding scope's suggestions (the rest is every other one). */
  outsideMembers: readonly number[];
}

/**
 * The rest of each scope. A scope is compared with the rest of the corpus; a category in one year
 * with the other categories (of every year): what it raised that they did not, so a theme the same
 * category raised again the session before (公厕 and 口袋公园 in the sample's 城区建设与管理, 2020
 * and 2021) is still this session's theme (how it changed between sessions is what trends say).
 * Where there are no other categories, the rest of the corpus.
 */
function restOf(scopes: readonly ScopeCounts[], all: ScopeCounts): (s: ScopeCounts) => Rest {
  const byKey = new Map(scopes.map((s) => [scopeKey(s.scope), s]));
  const dfs = new Map<ScopeCounts, Int32Array>();
  return (s) => {
    const category =
      s.scope.category !== null && s.scope.year !== null ? byKey.get(scopeKey({ category: s.scope.category, year: null })) : undefined;
    const outside = category && category !== s && category.documents < all.documents ? category : s;
    let outsideDf: Int32Array | null = null;
    if (outside !== s) {
      outsideDf = dfs.get(outside) ?? dfByTerm(outside);
      dfs.set(outside, outsideDf);
    }
    return {
      documents: all.documents - outside.documents,
      dfTotal: all.dfTotal - outside.dfTotal,
      outsideDf,
      outsideMembers: outside.members,
    };
  };
}

/** What the gate and the backgrounds say of the run's terms, by term number (the scopes' `vocab`). */
interface TermFacts {
  passes: (id: number) => boolean;
  /** General × civic specificity (tfidf.ts). */
  specificity: (id: number) => number;
  /** The term numbers of the words document `d`'s title raises as its theme (HotWordDocument.titleTerms). */
  titleIds: (d: number) => Int32Array;
}

/** Whether a term is one character (one code point). */
function oneCharacter(term: string): boolean {
  return term.length === 1 || (term.length === 2 && term.codePointAt(0)! > 0xffff);
}

/** Terms in code-unit order (as < compares them). */
function compareTerms(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The places (in `salience`) of the `n` largest saliences, ordered by salience and then by `tie`:
 * those below the n-th largest value are left out before the sort (a scope has thousands).
 */
function mostSalient(salience: readonly number[], n: number, tie: (i: number, j: number) => number): number[] {
  const threshold = salience.length > n ? Float64Array.from(salience).sort()[salience.length - n]! : -Infinity;
  const chosen: number[] = [];
  for (let i = 0; i < salience.length; i++) if (salience[i]! >= threshold) chosen.push(i);
  return chosen.sort((i, j) => salience[j]! - salience[i]! || tie(i, j)).slice(0, n);
}

/** G² of a term in `a` of a scope's `documents` against `b` of the rest's `restDocs` (keyness.ts), kept for small counts. */
function keynessAgainst(documents: number, restDocs: number): (a: number, b: number) => { g2: number; p: number; over: boolean } {
  const kept = new Map<number, { g2: number; p: number; over: boolean }>();
  return (a, b) => {
    if (a >= 64 || b >= 4096) return logLikelihood(a, documents, b, restDocs);
    const key = a * 4096 + b;
    let ll = kept.get(key);
    if (ll === undefined) kept.set(key, (ll = logLikelihood(a, documents, b, restDocs)));
    return ll;
  };
}

/** A scope's suggestions per term, indexed by term number (0 for a term it does not use). */
function dfByTerm(s: ScopeCounts): Int32Array {
  const df = new Int32Array(s.vocab.length);
  for (let k = 0; k < s.ids.length; k++) df[s.ids[k]!] = s.df[k]!;
  return df;
}

function scoreScope(
  s: ScopeCounts,
  rest: Rest,
  allDf: Int32Array,
  idf: (t: string) => number,
  terms: TermFacts,
  options: HotWordOptions,
  table: CountTable,
  docs: readonly HotWordDocument[],
  inCategories: CategoryWeights,
  titles: () => TitleCharacters,
): Keyword[] {
  const fdr = options.fdr ?? 0.05;
  const alpha0 = options.alpha0 ?? 1000;
  const minDocs = options.minDocs ?? 2;
  const titleAlone = options.minDocs === undefined && s.documents < 10;
  const restDocs = rest.documents;
  const restTotal = rest.dfTotal;
  let tfTotal = 0;
  for (const v of s.tf) tfTotal += v;
  const maxP = options.maxP ?? 0.05;
  const titleWeight = options.titleWeight ?? TITLE_WEIGHT;
  // suggestions of the scope whose title raises each word as its theme
  const titleCounts = new Int32Array(s.vocab.length);
  for (const d of s.members) for (const id of terms.titleIds(d)) titleCounts[id]!++;
  // A year over all categories is what that session talked about, not how it differs from other
  // years (trends and emerging terms say that): a word weighs there what it weighs in the category
  // of that year that raises it most, in proportion to that category's size (so the year leads
  // with its categories' themes, and a word every category uses, 设施 or 平台, does not lead); with
  // no categories, its share × specificity.
  const yearOfAll = s.scope.category === null && s.scope.year !== null;
  // the whole corpus, like a year, as its categories (over all years) weigh its words
  const byCategory = s.scope.category === null && inCategories.years.has(s.scope.year);
  const titleBoost = (id: number, a: number): number => 1 + (titleWeight * titleCounts[id]!) / a;
  // a word's weight in its categories, per suggestion of this scope (byCategory)
  const yearWeights = (): Float64Array => {
    let w = inCategories.weight.get(s.scope.year);
    if (w === undefined) inCategories.weight.set(s.scope.year, (w = new Float64Array(s.vocab.length)));
    return w;
  };
  const categoryWeight = (id: number): number => (inCategories.weight.get(s.scope.year)?.[id] ?? 0) / s.documents;
  // every term's p-value goes into the false-discovery correction; only the candidates
  // (raised in enough suggestions, and more than in the rest) become keyword rows
  const pValues = new Float64Array(restDocs === 0 ? 0 : s.ids.length);
  // the terms that may be listed (their places among the scope's terms) and their salience: a row
  // is made for the CANDIDATES most salient of them only
  const listable: number[] = [];
  const saliences: number[] = [];
  // G² and its p by (a, b), as most terms share a few small counts
  const keyness = keynessAgainst(s.documents, restDocs);
  // a category's short list is filled with words one title names (see singleTitleWords)
  const fillable = restDocs > 0 && s.scope.category !== null && !titleAlone;
  const civicWord = (t: string): boolean => (options.civic?.df.get(t) ?? 0) > 0;
  const singles: SingleTitleWord[] = [];
  // a word's salience against the rest: share × ln(ratio) × specificity × title weight (a year over all categories: no ratio)
  const salienceOf = (id: number, a: number, ratio: number): number =>
    (a / s.documents) * (yearOfAll ? 1 : Math.log(ratio)) * terms.specificity(id) * titleBoost(id, a);
  const termAt = (at: number): string => s.vocab[s.ids[at]!]!;
  // the counts of the scope's row for the term at `at`
  const countsAt = (at: number): Pick<Keyword, 'docs' | 'titleDocs' | 'freq' | 'share' | 'tfidf'> => {
    const a = s.df[at]!;
    const freq = s.tf[at]!;
    return { docs: a, titleDocs: titleCounts[s.ids[at]!]!, freq, share: a / s.documents, tfidf: (freq / tfTotal) * idf(termAt(at)) };
  };
  // the scope's row for the term at `at`, which `b` suggestions of the rest raise (q and significance are set after)
  const rowAgainstRest = (at: number, b: number, ratio: number, g2: number, salience: number): Keyword => {
    const a = s.df[at]!;
    const lo = logOddsDirichlet(a, s.dfTotal, b, restTotal, (alpha0 * (a + b)) / (s.dfTotal + restTotal), alpha0);
    return keywordRow(s.scope, termAt(at), salience, countsAt(at), { g2, p: pValues[at]!, delta: lo.delta, z: lo.z, ratio });
  };
  // suggestions of the rest raising term number `at`, and the scope's share over the rest's
  const bOf = (at: number): number => allDf[s.ids[at]!]! - (rest.outsideDf === null ? s.df[at]! : rest.outsideDf[s.ids[at]!]!);
  const ratioOf = (a: number, b: number): number => a / s.documents / ((b + 0.5) / (restDocs + 0.5));
  for (let at = 0; at < s.ids.length; at++) {
    const id = s.ids[at]!;
    const term = s.vocab[id]!;
    const a = s.df[at]!;
    const enough = (a >= minDocs && (a >= SINGLE_CHARACTER_DOCS || !oneCharacter(term))) || (titleAlone && titleCounts[id]! > 0);
    if (restDocs === 0) {
      if (!enough || !terms.passes(id)) continue;
      const freq = s.tf[at]!;
      const tfidf = (freq / tfTotal) * idf(term);
      const salience = byCategory ? categoryWeight(id) : tfidf * titleBoost(id, a);
      if (!(salience > 0)) continue;
      listable.push(at);
      saliences.push(salience);
      continue;
    }
    const b = bOf(at);
    const ll = keyness(a, b);
    pValues[at] = ll.over ? ll.p : 1;
    const ratio = ratioOf(a, b);
    if (
      !enough &&
      fillable &&
      a === 1 &&
      ratio >= FILL_RATIO &&
      titleCounts[id]! > 0 &&
      !oneCharacter(term) &&
      civicWord(term) &&
      terms.passes(id)
    ) {
      singles.push({ at, term, b, ratio, g2: ll.g2 });
      continue;
    }
    if (!enough || !(ratio > 1 || yearOfAll) || !terms.passes(id)) continue;
    // over-represented with evidence: in a session of ten suggestions a category, a word in two of them
    // by chance is not its theme; a word two or more of them name as their theme, in their titles, and
    // more often named than mentioned, is (疫情防控 in the sample's 公共安全与交通: 2 titles of 23, and 1
    // of the 83 others: p = 0.09)
    const named = titleCounts[id]!;
    if (!yearOfAll && pValues[at]! >= maxP && !(named >= TITLE_THEME_DOCS && 2 * named >= a)) continue;
    const salience = byCategory ? categoryWeight(id) : salienceOf(id, a, ratio);
    if (!(salience > 0)) continue;
    // (its weight in the year, or over all years: the category's salience × the category's suggestions, over the year's)
    if (s.scope.category !== null) {
      const w = yearWeights();
      w[id] = Math.max(w[id]!, salience * s.documents);
      inCategories.years.add(s.scope.year);
    }
    listable.push(at);
    saliences.push(salience);
  }
  const q = restDocs > 0 ? benjaminiHochberg(pValues) : null;
  // the CANDIDATES most salient, by salience, then docs, then term
  const best = mostSalient(
    saliences,
    CANDIDATES,
    (i, j) => s.df[listable[j]!]! - s.df[listable[i]!]! || compareTerms(termAt(listable[i]!), termAt(listable[j]!)),
  );
  const candidates = best.map((i) => {
    const at = listable[i]!;
    if (q === null) return keywordRow(s.scope, termAt(at), saliences[i]!, countsAt(at), null);
    const b = bOf(at);
    const row = rowAgainstRest(at, b, ratioOf(s.df[at]!, b), keyness(s.df[at]!, b).g2, saliences[i]!);
    row.q = q[at]!;
    row.significant = row.z! > 0 && row.ratio! > 1 && row.q < fdr;
    return row;
  });
  const index = new Map(candidates.map((c, i) => [c.term, i]));
  // each candidate's term number
  const candidateIds = best.map((i) => s.ids[listable[i]!]!);
  const longest = Math.max(0, ...candidates.map((c) => c.term.length));
  // a word covers the suggestions that mention it, also inside a longer word (环保 in 环保局,
  // 电 in 停电): so 环保局 after 环保 brings nothing new, as a reader of the list sees it
  const docsOf: number[][] = candidates.map(() => []);
  // the candidates inside each of the scope's terms (by number), looked up once per term rather than
  // per mention: term id's candidates are insideList[insideStart[id] … insideEnd[id])
  const insideStart = new Int32Array(s.vocab.length);
  const insideEnd = new Int32Array(s.vocab.length);
  const insideList: number[] = [];
  // (a place where no candidate begins is skipped)
  const begins = new Uint8Array(65536);
  for (const c of candidates) begins[c.term.charCodeAt(0)] = 1;
  for (const id of s.ids) {
    const term = s.vocab[id]!;
    insideStart[id] = insideList.length;
    for (let a = 0; a < term.length; a++) {
      if (begins[term.charCodeAt(a)] === 0) continue;
      for (let b = a + 1; b <= Math.min(term.length, a + longest); b++) {
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
  // a word inside a longer candidate (加装 in 加装电梯) is listed only if it stands on its own (as a
  // word of the text, not a piece of the longer one) in enough suggestions
  const longer = new Uint8Array(candidates.length);
  candidateIds.forEach((id, j) => {
    for (let at = insideStart[id]!; at < insideEnd[id]!; at++) if (insideList[at] !== j) longer[insideList[at]!] = 1;
  });
  const keep = candidates.map((c, i) => {
    if (!longer[i]) return true;
    let alone = 0;
    for (const d of docsOf[i]!) if ((docs[d]!.ownTerms ?? docs[d]!.terms).has(c.term)) alone++;
    return alone >= Math.max(minDocs, 2);
  });
  const backed = titleBacking(s.members, rest.outsideMembers, titles);
  const order = diversify(
    candidates.flatMap((c, i) =>
      keep[i]
        ? [{ term: c.term, base: c.salience, docs: docsOf[i]!, waits: fillable && c.docs <= 2 && c.titleDocs === 0 && !backed(c.term) }]
        : [],
    ),
    options.limit ?? 100,
    options.diversity ?? 0.2,
  );
  const ranked = order.map((o, i) => ({ ...candidates[index.get(o.term)!]!, rank: i + 1, score: o.gain }));
  const limit = Math.min(options.limit ?? 100, FILL_TO);
  if (ranked.length >= limit || singles.length === 0) return ranked;
  const fill = singleTitleWords(
    singles,
    ranked.map((k) => k.term),
    { members: s.members, outside: rest.outsideMembers, docs, titles: titles() },
    limit - ranked.length,
  );
  let last = ranked.length > 0 ? ranked[ranked.length - 1]!.score : Infinity;
  for (const w of fill) {
    const salience = salienceOf(s.ids[w.at]!, s.df[w.at]!, w.ratio);
    const row = rowAgainstRest(w.at, w.b, w.ratio, w.g2, salience);
    row.q = q![w.at]!;
    last = Math.min(last, salience);
    ranked.push({ ...row, rank: ranked.length + 1, score: last });
  }
  return ranked;
}

/**
 * The words of a scope's cloud: its keywords by rank, leaving out each that
 * repeats a higher-ranked one as a string and is not raised more widely
 * (diversify.ts saidOnce), at most `top`.
 */
export function cloudKeywords(keywords: readonly Keyword[], scope: Scope, top: number): Keyword[] {
  const own = keywords.filter((k) => k.category === scope.category && k.year === scope.year).sort((x, y) => x.rank - y.rank);
  return saidOnce(own, (k) => k.term, cloudValue, top);
}

/**
 * How widely a word is raised, for cloudKeywords' choice between a word and
 * one holding it: the suggestions raising it, those whose title raises it as
 * their theme counted 1 + TITLE_WEIGHT times, as the ranking counts them. (A
 * cloud's sizes are cloud-words.ts's.)
 */
function cloudValue(k: Pick<Keyword, 'docs' | 'titleDocs'>): number {
  return k.docs + TITLE_WEIGHT * k.titleDocs;
}

/**
 * A scope's row for a term, before ranking (rank, score, q and significance are set after): its
 * counts, its salience, and its keyness against the rest of the corpus (null: a scope with no rest).
 */
function keywordRow(
  scope: Scope,
  term: string,
  salience: number,
  counts: Pick<Keyword, 'docs' | 'titleDocs' | 'freq' | 'share' | 'tfidf'>,
  keyness: Pick<Keyword, 'g2' | 'p' | 'delta' | 'z' | 'ratio'> | null,
): Keyword {
  return {
    category: scope.category,
    year: scope.year,
    term,
    rank: 0,
    score: 0,
    salience,
    docs: counts.docs,
    titleDocs: counts.titleDocs,
    freq: counts.freq,
    share: counts.share,
    tfidf: counts.tfidf,
    g2: keyness?.g2 ?? null,
    p: keyness?.p ?? null,
    q: null,
    delta: keyness?.delta ?? null,
    z: keyness?.z ?? null,
    ratio: keyness?.ratio ?? null,
    significant: false,
  };
}
