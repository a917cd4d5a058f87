import type { DocumentThemes } from './themes.ts';

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
 * the themes its title names (in title order), then its words that pass the
 * gate by count × IDF (ties by term), at most `limit` in all; a word inside
 * a term already listed, or holding one, is not listed beside it (后续 after
 * 后续维保, 智慧电梯监测 after 智慧电梯, 简化加装电梯 after the theme 加装电梯;
 * a theme after another it holds or is in, 公厕服务水平 after 公厕): eight
 * places say eight things.
 */
export function documentKeywords(
  docs: readonly { id: string; terms: ReadonlyMap<string, number>; themes: DocumentThemes }[],
  options: DocumentKeywordOptions,
): DocumentKeyword[] {
  const limit = options.limit ?? 8;
  const out: DocumentKeyword[] = [];
  for (const d of docs) {
    const rows: DocumentKeyword[] = [];
    // a term inside one already listed, or holding one
    const repeats = (term: string): boolean => rows.some((r) => r.term.includes(term) || term.includes(r.term));
    for (const phrase of d.themes.phrases) {
      if (rows.length === limit || repeats(phrase)) continue;
      const idf = Math.max(0, ...options.tokens(phrase).map((t) => options.idf(t)));
      rows.push({ id: d.id, term: phrase, kind: 'theme', weight: round6(idf), rank: 0 });
    }
    const words: { term: string; weight: number }[] = [];
    for (const [term, count] of d.terms) words.push({ term, weight: count * options.idf(term) });
    words.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    // the gate asked only of the words that would be taken (most of a text's words never are)
    for (let i = 0; i < words.length && rows.length < limit; i++) {
      const w = words[i]!;
      if (!options.passes(w.term) || repeats(w.term)) continue;
      rows.push({ id: d.id, term: w.term, kind: 'word', weight: round6(w.weight), rank: 0 });
    }
    rows.forEach((r, i) => out.push({ ...r, rank: i + 1 }));
  }
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
