import { expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { indexTerms, subIndex } from '../../src/score/term-index.ts';
import { meanNpmi, topicsNpmi } from '../../src/score/topic-terms.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';
import { topicDocumentsOf } from '../topic-documents.ts';

/** Mean NPMI of a list's pairs, the counts taken from each document read as a set of terms: one list at a time. */
function definedNpmi(terms: readonly string[], docs: readonly ReadonlySet<string>[]): number {
  // a term given twice holds its last place only
  const counted = terms.map((t, a) => terms.lastIndexOf(t) === a);
  const holds = (d: ReadonlySet<string>, a: number): boolean => counted[a]! && d.has(terms[a]!);
  return meanNpmi(
    terms.length,
    docs.length,
    (a) => docs.filter((d) => holds(d, a)).length,
    (a, b) => docs.filter((d) => holds(d, a) && holds(d, b)).length,
  );
}

describeShared('topic coherence on the labelled messages', () => {
  it('gives every list, in one pass for all, the NPMI of its definition, to the bit', async () => {
    const records = (await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP })).records.slice(0, 1500);
    const docs = await topicDocumentsOf(records);
    const index = indexTerms(docs);
    // a scope of every third suggestion, read through the whole corpus's table as a run reads it
    const members = docs.map((_, i) => i).filter((i) => i % 3 === 0);
    const scope = subIndex(index, members);
    const sets = members.map((i) => new Set(docs[i]!.terms.keys()));
    // lists as the k search makes them — frequent words, shared between lists — and the edges: a
    // word no suggestion has, a word twice, one word, none, and the longest list
    const byDocs = new Map<string, number>();
    for (const s of sets) for (const t of s) byDocs.set(t, (byDocs.get(t) ?? 0) + 1);
    const frequent = [...byDocs].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
    expect(frequent.length).toBeGreaterThan(200);
    const lists = [
      frequent.slice(0, 10),
      frequent.slice(5, 15),
      frequent.filter((_, i) => i % 7 === 0).slice(0, 10),
      frequent.slice(100, 110),
      ['不存在的词语', ...frequent.slice(0, 4)],
      [frequent[3]!, frequent[8]!, frequent[3]!, frequent[12]!],
      [frequent[0]!],
      [],
      frequent.slice(20, 51),
    ];
    const got = topicsNpmi(lists, scope);
    expect(got).toEqual(lists.map((l) => definedNpmi(l, sets)));
    // each list alone gives what it gives among the others
    lists.forEach((l, i) => expect(topicsNpmi([l], scope)[0]).toBe(got[i]));
    // the lists differ (a pass that mixed their counts up would make them alike)
    expect(new Set(got.slice(0, 4)).size).toBe(4);
    expect(() => topicsNpmi([frequent.slice(0, 32)], scope)).toThrow(/32 terms in a list, at most 31/);
  }, 120_000);
});
