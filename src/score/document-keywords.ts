import type { CountTable } from '../matrix/count-table.ts';
import type { DocumentThemes } from './themes.ts';
import { valueByNumber } from './by-term-number.ts';

/** One of a suggestion's own keywords: its title's themes first, then its top words. */
export interface DocumentKeyword {
  id: string;
  term: string;
  kind: 'theme' | 'word';
  /** A word: its count in the suggestion × its IDF; a theme: the IDF of its rarest word (a title raises it once). */
  weight: number;
  /** 1 = first; themes come before words. */
  rank: number;
}

export interface DocumentKeywordOptions {
  /** IDF of a term (the blended IDF of the hot words). */
  idf: (term: string) => number;
  /** The word gate. */
  passes: (term: string) => boolean;
  /** A phrase's words. */
  tokens: (phrase: string) => string[];
  /** Keywords per suggestion (default 8). */
  limit?: number;
}

/**
 * Each suggestion's own keywords, as the platform's 建议关键词 shows them:
 * the themes its title names (in title order), then its words (document i's:
 * row i of `table`) that pass the gate by count × IDF (ties by term), at most `limit` in all; a word inside
 * a term already listed, or holding one, is not listed beside it (后续 after
 * 后续维保, 智慧电梯监测 after 智慧电梯, 简化加装电梯 after the theme 加装电梯;
 * a theme after another it holds or is in, 公厕服务水平 after 公厕): eight
 * places say eight things.
 */
export function documentKeywords(
  docs: readonly { id: string; themes: DocumentThemes }[],
  table: CountTable,
  options: DocumentKeywordOptions,
): DocumentKeyword[] {
  const limit = options.limit ?? 8;
  const out: DocumentKeyword[] = [];
  // each term's IDF, asked once per term rather than once per suggestion raising it
  const idfOf = valueByNumber(table.vocab, options.idf);
  let weights = new Float64Array(256);
  let taken = new Uint8Array(256);
  docs.forEach((d, i) => {
    const rows: DocumentKeyword[] = [];
    // a term inside one already listed, or holding one
    const repeats = (term: string): boolean => rows.some((r) => r.term.includes(term) || term.includes(r.term));
    for (const phrase of d.themes.phrases) {
      if (rows.length === limit || repeats(phrase)) continue;
      const idf = Math.max(0, ...options.tokens(phrase).map((t) => options.idf(t)));
      rows.push({ id: d.id, term: phrase, kind: 'theme', weight: round6(idf), rank: 0 });
    }
    // its words by count × IDF (ties by term), taken one at a time until the list is full: the gate
    // is asked only of the words that would be taken (most of a text's words never are)
    const from = table.starts[i]!;
    const n = table.starts[i + 1]! - from;
    if (weights.length < n) {
      weights = new Float64Array(2 * n);
      taken = new Uint8Array(2 * n);
    }
    for (let e = 0; e < n; e++) {
      weights[e] = table.counts[from + e]! * idfOf(table.ids[from + e]!);
      taken[e] = 0;
    }
    const before = (e: number, f: number): boolean => weights[e]! > weights[f]! || (weights[e] === weights[f] && termAt(e) < termAt(f));
    const take = (e: number): void => {
      const term = termAt(e);
      if (options.passes(term) && !repeats(term)) rows.push({ id: d.id, term, kind: 'word', weight: round6(weights[e]!), rank: 0 });
    };
    // the best left, a scan each (a list fills within a few words); past PICKS, the rest sorted once
    let tried = 0;
    for (; tried < Math.min(n, PICKS) && rows.length < limit; tried++) {
      let best = -1;
      for (let e = 0; e < n; e++) if (taken[e] === 0 && (best < 0 || before(e, best))) best = e;
      taken[best] = 1;
      take(best);
    }
    if (tried === PICKS && rows.length < limit) {
      const rest: number[] = [];
      for (let e = 0; e < n; e++) if (taken[e] === 0) rest.push(e);
      rest.sort((e, f) => (before(e, f) ? -1 : before(f, e) ? 1 : 0));
      for (const e of rest) {
        if (rows.length === limit) break;
        take(e);
      }
    }
    rows.forEach((r, k) => out.push({ ...r, rank: k + 1 }));

    function termAt(e: number): string {
      return table.vocab[table.ids[from + e]!]!;
    }
  });
  return out;
}

/** Words of a suggestion picked by a scan each before the rest are sorted. */
const PICKS = 32;

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
