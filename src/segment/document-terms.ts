import type { SuggestionRecord } from '../corpus/record.ts';
import { PAIR_SEPARATOR } from './count-table.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { classifyToken } from './token-filter.ts';

/** The text a record is segmented from: its title and its body. */
export function recordText(record: Pick<SuggestionRecord, 'title' | 'text'>): string {
  return record.title === '' || record.title === record.text ? record.text : `${record.title}\n${record.text}`;
}


/** What the later stages need of a document: its term counts and adjacent-token pair counts. */
export interface DocumentCounts {
  /** term → count, keys sorted by code point. */
  terms: ReadonlyMap<string, number>;
  /**
   * `left\u0001right` → count of two adjacent content tokens (not punctuation,
   * numbers or stop words; single characters allowed, so 供给+侧 is seen),
   * the raw material of phrase detection.
   */
  pairs: ReadonlyMap<string, number>;
}

/** Segment a record once and count its terms and adjacent content-token pairs. */
export function documentCounts(record: Pick<SuggestionRecord, 'title' | 'text'>, segmenter: Segmenter, lexicon: Lexicon): DocumentCounts {
  const { terms, pairs } = unorderedCounts(record, segmenter, lexicon);
  return { terms: sortByKey(terms), pairs: sortByKey(pairs) };
}

function unorderedCounts(record: Pick<SuggestionRecord, 'title' | 'text'>, segmenter: Segmenter, lexicon: Lexicon): { terms: Map<string, number>; pairs: Map<string, number> } {
  const terms = new Map<string, number>();
  const pairs = new Map<string, number>();
  let previous: string | null = null;
  for (const token of segmenter.cut(recordText(record))) {
    const c = classifyToken(token, lexicon);
    if ('term' in c) terms.set(c.term, (terms.get(c.term) ?? 0) + 1);
    const content = 'term' in c ? c.term : c.drop === 'single-char' ? token.trim() : null;
    if (content !== null && previous !== null) {
      const key = previous + PAIR_SEPARATOR + content;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    previous = content;
  }
  return { terms, pairs };
}

/** A document's kept terms, in text order (with repeats). */
export function documentTerms(record: Pick<SuggestionRecord, 'title' | 'text'>, segmenter: Segmenter, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const token of segmenter.cut(recordText(record))) {
    const c = classifyToken(token, lexicon);
    if ('term' in c) out.push(c.term);
  }
  return out;
}

/** Term → count, with keys sorted by code point so iteration order is fixed. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return sortByKey(counts);
}

function sortByKey(m: Map<string, number>): Map<string, number> {
  return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
