import { logOddsDirichlet } from './keyness.ts';
import type { TermDocument } from './scope-counts.ts';

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
  /** Terms whose yearly rows are stored (e.g. the hot words); all when omitted. */
  track?: (category: string | null, term: string) => boolean;
}

interface YearCounts {
  documents: number;
  docs: Map<string, number>;
  weight: Map<string, number>;
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
  const byCategory = new Map<string | null, Map<number, YearCounts>>();
  for (const d of docs) {
    if (d.year === null) continue;
    for (const c of d.category === null ? [null] : [d.category, null]) {
      let years = byCategory.get(c);
      if (!years) byCategory.set(c, (years = new Map()));
      let y = years.get(d.year);
      if (!y) years.set(d.year, (y = { documents: 0, docs: new Map(), weight: new Map(), total: 0 }));
      y.documents++;
      for (const [term, tf] of d.terms) {
        const w = 1 + Math.log(tf);
        y.docs.set(term, (y.docs.get(term) ?? 0) + 1);
        y.weight.set(term, (y.weight.get(term) ?? 0) + w);
        y.total += w;
      }
    }
  }
  const trendRows: TermTrend[] = [];
  const emerging: EmergingTerm[] = [];
  const categories = [...byCategory.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  for (const category of categories) {
    const years = byCategory.get(category)!;
    const order = [...years.keys()].sort((a, b) => a - b);
    const overall = new Map<string, number>();
    let overallTotal = 0;
    for (const y of years.values()) {
      for (const [t, w] of y.weight) overall.set(t, (overall.get(t) ?? 0) + w);
      overallTotal += y.total;
    }
    const earlier = new Map<string, number>();
    let earlierTotal = 0;
    let earlierDocs = 0;
    order.forEach((year, i) => {
      const y = years.get(year)!;
      const prev = i > 0 ? years.get(order[i - 1]!)! : null;
      const prior = (t: string): number => (alpha0 * overall.get(t)!) / overallTotal;
      const candidates: EmergingTerm[] = [];
      for (const [term, w] of y.weight) {
        const docsIn = y.docs.get(term)!;
        const seenBefore = (earlier.get(term) ?? 0) > 0;
        let status: TrendStatus = 'recurring';
        let zPrevious: number | null = null;
        if (prev) {
          zPrevious = logOddsDirichlet(w, y.total, prev.weight.get(term) ?? 0, prev.total, prior(term), alpha0).z;
          status = !seenBefore ? 'new' : zPrevious >= zThreshold ? 'rising' : zPrevious <= -zThreshold ? 'falling' : 'recurring';
        }
        if (!options.track || options.track(category, term)) {
          trendRows.push({ category, year, term, docs: docsIn, share: docsIn / y.documents, weight: w, status, zPrevious });
        }
        if (i === 0 || w < 2) continue;
        const lo = logOddsDirichlet(w, y.total, earlier.get(term) ?? 0, earlierTotal, prior(term), alpha0);
        if (lo.z <= 0) continue;
        const score = w * lo.delta;
        candidates.push({ category, year, term, rank: 0, score, z: lo.z, docs: docsIn, weight: w, share: docsIn / y.documents, earlierRate: (earlier.get(term) ?? 0) / earlierDocs, status });
      }
      candidates.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      candidates.slice(0, limit).forEach((e, r) => emerging.push({ ...e, rank: r + 1 }));
      for (const [t, w] of y.weight) earlier.set(t, (earlier.get(t) ?? 0) + w);
      earlierTotal += y.total;
      earlierDocs += y.documents;
    });
  }
  trendRows.sort((a, b) => (a.category === b.category ? 0 : a.category === null ? 1 : b.category === null ? -1 : a.category < b.category ? -1 : 1) || a.year - b.year || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { trends: trendRows, emerging };
}
