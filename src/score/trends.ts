import { logOddsDirichlet } from './keyness.ts';
import { countTable } from '../matrix/table-of-maps.ts';
import type { TermDocument } from './scope-counts.ts';
import { TermSums } from './term-sums.ts';
import { verdictByNumber } from './by-term-number.ts';

/** How a term fared in a year against the previous year with data. */
export type TrendStatus = 'new' | 'rising' | 'falling' | 'recurring';

/** A term in one year of one category (null: all categories). */
export interface TermTrend {
  category: string | null;
  year: number;
  term: string;
  /** Suggestions raising the term that year, and their share of the year's suggestions. */
  docs: number;
  share: number;
  /** Σ (1 + ln tf) over those suggestions: suggestions, with a long text's repetitions counted sublinearly. */
  weight: number;
  status: TrendStatus;
  /** Log-odds z of this year against the previous year with data (informative prior). */
  zPrevious: number | null;
}

/** A term newly or significantly more discussed in a year than in all earlier years. */
export interface EmergingTerm {
  category: string | null;
  year: number;
  term: string;
  rank: number;
  /**
   * weight × δ: how much the term is raised this year times its smoothed
   * log-odds ratio (informative Dirichlet prior) against all earlier years —
   * salience times novelty, as the hot-word ranking.
   */
  score: number;
  /** The z-score of δ: how sure the rise is (≥ 1.96: significant at 5%). */
  z: number;
  docs: number;
  weight: number;
  share: number;
  /** Weight per suggestion in the earlier years (0 for a new term). */
  earlierRate: number;
  status: TrendStatus;
}

export interface TrendOptions {
  /** Emerging terms kept per category and year (default 50). */
  limit?: number;
  /** Prior size of the log-odds model (default 1000). */
  alpha0?: number;
  /** z at which a change counts as rising or falling (default 1.96). */
  zThreshold?: number;
  /** Terms whose yearly rows are stored, per category (e.g. the hot words); all when omitted. */
  track?: ReadonlyMap<string | null, ReadonlySet<string>>;
  /** The word gate (word-gate.ts): a term that fails it is never an emerging term. Default: all pass. */
  gate?: (term: string) => boolean;
}

/** A piece of a longer emerging term weighing at least this share of the piece is part of it, not a term of its own. */
const PIECE_SHARE = 0.8;

/** A year of a category: its suggestions, and per term (by number, ascending) suggestions and weight. */
interface YearCounts {
  documents: number;
  ids: Int32Array;
  docs: Int32Array;
  weight: Float64Array;
  total: number;
}

/**
 * Trends across sessions, per category and over all categories. Counts are
 * in suggestions with sublinear repetition (1 + ln tf), so a word raised in 12
 * suggestions outweighs one repeated 12 times in a single text, yet one long
 * report a year still shows which words it dwells on. A year is compared with
 * all earlier years by the log-odds ratio with an informative Dirichlet prior
 * (the category's whole vocabulary), whose smoothing keeps a word seen once
 * from looking like a trend; a term must also weigh 2 or more (two suggestions,
 * or repeated in a single one) in the year to be emerging. Emerging terms are
 * ranked by weight × δ.
 */
export function trends(docs: readonly TermDocument[], options: TrendOptions = {}): { trends: TermTrend[]; emerging: EmergingTerm[] } {
  const alpha0 = options.alpha0 ?? 1000;
  const zThreshold = options.zThreshold ?? 1.96;
  const limit = options.limit ?? 50;
  // terms by number (one table of the documents' counts), suggestions grouped by category and year
  const table = countTable(docs);
  const vocab = table.vocab;
  const members = new Map<string | null, Map<number, number[]>>();
  docs.forEach((d, i) => {
    if (d.year === null) return;
    for (const c of d.category === null ? [null] : [d.category, null]) {
      let years = members.get(c);
      if (!years) members.set(c, (years = new Map()));
      const list = years.get(d.year);
      if (list) list.push(i);
      else years.set(d.year, [i]);
    }
  });
  const sums = new TermSums(vocab.length, (n) => new Float64Array(n));
  // a year's counts: summed over its suggestions in document order, as a Map per year summed them
  const yearCounts = (list: readonly number[]): YearCounts => {
    let total = 0;
    for (const i of list) {
      for (let e = table.starts[i]!; e < table.starts[i + 1]!; e++) {
        const w = 1 + Math.log(table.counts[e]!);
        sums.add(table.ids[e]!, 1, w);
        total += w;
      }
    }
    const { ids, first, second } = sums.take();
    return { documents: list.length, ids, docs: first, weight: second, total };
  };
  const overall = new Float64Array(vocab.length);
  const earlier = new Float64Array(vocab.length);
  const previous = new Float64Array(vocab.length);
  const trendRows: TermTrend[] = [];
  const emerging: EmergingTerm[] = [];
  const categories = [...members.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  // the gate's verdict per term number
  const passes = verdictByNumber(vocab, options.gate ?? (() => true));
  for (const category of categories) {
    const kept = options.track?.get(category);
    // years in the order first met, as the overall weights were summed
    const years = new Map([...members.get(category)!].map(([year, list]) => [year, yearCounts(list)]));
    const order = [...years.keys()].sort((a, b) => a - b);
    overall.fill(0);
    earlier.fill(0);
    let overallTotal = 0;
    for (const y of years.values()) {
      y.ids.forEach((id, k) => (overall[id]! += y.weight[k]!));
      overallTotal += y.total;
    }
    let earlierTotal = 0;
    let earlierDocs = 0;
    order.forEach((year, i) => {
      const y = years.get(year)!;
      const prev = i > 0 ? years.get(order[i - 1]!)! : null;
      if (prev) prev.ids.forEach((id, k) => (previous[id] = prev.weight[k]!));
      const candidates: EmergingTerm[] = [];
      for (let k = 0; k < y.ids.length; k++) {
        const id = y.ids[k]!;
        const term = vocab[id]!;
        const w = y.weight[k]!;
        const docsIn = y.docs[k]!;
        const seenBefore = earlier[id]! > 0;
        const prior = (alpha0 * overall[id]!) / overallTotal;
        let status: TrendStatus = 'recurring';
        let zPrevious: number | null = null;
        if (prev) {
          zPrevious = logOddsDirichlet(w, y.total, previous[id]!, prev.total, prior, alpha0).z;
          status = !seenBefore ? 'new' : zPrevious >= zThreshold ? 'rising' : zPrevious <= -zThreshold ? 'falling' : 'recurring';
        }
        if (!options.track || kept?.has(term)) {
          trendRows.push({ category, year, term, docs: docsIn, share: docsIn / y.documents, weight: w, status, zPrevious });
        }
        if (i === 0 || w < 2 || !passes(id)) continue;
        const lo = logOddsDirichlet(w, y.total, earlier[id]!, earlierTotal, prior, alpha0);
        if (lo.z <= 0) continue;
        const score = w * lo.delta;
        candidates.push({
          category,
          year,
          term,
          rank: 0,
          score,
          z: lo.z,
          docs: docsIn,
          weight: w,
          share: docsIn / y.documents,
          earlierRate: earlier[id]! / earlierDocs,
          status,
        });
      }
      if (prev) prev.ids.forEach((id) => (previous[id] = 0));
      candidates.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      // a piece of a longer emerging term that is mostly raised as part of it (一带 of 一带一路) is not listed beside it
      const top = candidates.slice(0, 2 * limit);
      const pieces = top.filter((c) =>
        top.some((o) => o.term.length > c.term.length && o.term.includes(c.term) && o.weight >= PIECE_SHARE * c.weight),
      );
      top
        .filter((c) => !pieces.includes(c))
        .slice(0, limit)
        .forEach((e, r) => emerging.push({ ...e, rank: r + 1 }));
      y.ids.forEach((id, k) => (earlier[id]! += y.weight[k]!));
      earlierTotal += y.total;
      earlierDocs += y.documents;
    });
  }
  trendRows.sort(
    (a, b) =>
      (a.category === b.category ? 0 : a.category === null ? 1 : b.category === null ? -1 : a.category < b.category ? -1 : 1) ||
      a.year - b.year ||
      (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
  );
  return { trends: trendRows, emerging };
}
