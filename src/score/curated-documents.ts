import type { CountedDocument } from './analyse-corpus.ts';

/**
 * The documents as the analyst's curation merges words (dictionary-files.ts,
 * readCuration): each alias counted as the word it is merged into. Only the
 * documents holding an alias get new counts (keys in term order, as the
 * segment stage gives them); the stored counts stay as they were.
 */
export function curatedDocuments(docs: readonly CountedDocument[], merge: ReadonlyMap<string, string>): readonly CountedDocument[] {
  if (merge.size === 0) return docs;
  return docs.map((d) => {
    let touched = false;
    for (const t of d.terms.keys()) {
      if (merge.has(t)) {
        touched = true;
        break;
      }
    }
    if (!touched) return d;
    const terms = new Map<string, number>();
    for (const [t, n] of d.terms) {
      const to = merge.get(t) ?? t;
      terms.set(to, (terms.get(to) ?? 0) + n);
    }
    return { ...d, terms: new Map([...terms].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) };
  });
}
