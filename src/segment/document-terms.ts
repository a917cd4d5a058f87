import type { SuggestionRecord } from '../corpus/record.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { stripMarkup } from './markup.ts';
import { classifyToken } from './token-filter.ts';
import { cutLongText } from './long-text.ts';

/** The text a record is segmented from: its title and its body, markup removed (markup.ts). */
export function recordText(record: Pick<SuggestionRecord, 'title' | 'text'>): string {
  return stripMarkup(record.title === '' || record.title === record.text ? record.text : `${record.title}\n${record.text}`);
}

/** What the later stages need of a document: its term counts and adjacent-token pair counts (segment-records.ts makes them). */
export interface DocumentCounts {
  /** term → count, keys in term order (by UTF-16 code unit, as < compares). */
  terms: ReadonlyMap<string, number>;
  /**
   * `left\u0001right` → count of two adjacent content tokens (not punctuation,
   * numbers or stop words; single characters allowed, so 供给+侧 is seen),
   * the raw material of phrase detection.
   */
  pairs: ReadonlyMap<string, number>;
}

/** A document's kept terms, in text order (with repeats). */
export function documentTerms(record: Pick<SuggestionRecord, 'title' | 'text'>, segmenter: Segmenter, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const token of cutLongText(segmenter, recordText(record))) {
    const c = classifyToken(token, lexicon);
    if ('term' in c) out.push(c.term);
  }
  return out;
}
