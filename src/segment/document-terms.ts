import type { SuggestionRecord } from '../corpus/record.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { filterTokens } from './token-filter.ts';

/** The text a record is segmented from: its title and its body. */
export function recordText(record: Pick<SuggestionRecord, 'title' | 'text'>): string {
  return record.title === '' || record.title === record.text ? record.text : `${record.title}\n${record.text}`;
}

/** A document's kept terms, in text order (with repeats). */
export function documentTerms(record: Pick<SuggestionRecord, 'title' | 'text'>, segmenter: Segmenter, lexicon: Lexicon): string[] {
  return filterTokens(segmenter.cut(recordText(record)), lexicon);
}

/** Term → count, with keys sorted by code point so iteration order is fixed. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
