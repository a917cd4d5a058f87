import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { documentKeywords } from '../../src/score/document-keywords.ts';
import { countTable } from '../../src/matrix/table-of-maps.ts';
import { topicDocumentsOf } from '../topic-documents.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) => join(import.meta.dirname, '../../data/sample', f));

describe("each suggestion's own keywords", () => {
  it('are the first eight passing words of all of them sorted by count × IDF, then term — also past the scan of 32', async () => {
    const corpus = await readCorpus(SAMPLE);
    const docs = await topicDocumentsOf(corpus.records);
    const table = countTable(docs);
    // a made-up IDF, ties included (by length), and a strict gate: most words of a suggestion are
    // refused, so a list goes past the 32 words taken by a scan each before the rest are sorted
    const idf = (t: string): number => 1 + (t.length % 3);
    const strict = (t: string): boolean => t.length >= 4;
    const themes = { phrases: [], mentions: [], titleTerms: [] };
    const got = documentKeywords(
      docs.map((d) => ({ id: d.id, themes })),
      table,
      { idf, passes: strict, tokens: (p) => [p] },
    );
    // by definition: every word of the suggestion sorted, then the first eight that pass and repeat none listed
    const expected = docs.flatMap((d) => {
      const words = [...d.terms].map(([term, n]) => ({ term, weight: n * idf(term) }));
      words.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
      const taken: string[] = [];
      for (const w of words) {
        if (taken.length === 8) break;
        if (strict(w.term) && !taken.some((t) => t.includes(w.term) || w.term.includes(t))) taken.push(w.term);
      }
      return taken.map((term, i) => ({ id: d.id, term, rank: i + 1 }));
    });
    expect(got.map((k) => ({ id: k.id, term: k.term, rank: k.rank }))).toEqual(expected);
    // the sample's suggestions whose list needed more than the scan of 32: the sorted rest was used
    const past = docs.filter((d) => {
      const words = [...d.terms].map(([term, n]) => ({ term, weight: n * idf(term) }));
      words.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
      return words.slice(0, 32).filter((w) => strict(w.term)).length < 8 && words.length > 32;
    });
    expect(past.length).toBeGreaterThan(10);
  });
});
