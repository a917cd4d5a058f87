import { expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import type { DocumentCounts } from '../../src/segment/document-terms.ts';
import { recordText } from '../../src/segment/document-terms.ts';
import type { Lexicon } from '../../src/segment/lexicon.ts';
import { segmentRecords, startSegmentWorkers } from '../../src/segment/segment-records.ts';
import type { Segmenter } from '../../src/segment/segmenter.ts';
import { classifyToken } from '../../src/segment/token-filter.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

/**
 * The counts as DocumentCounts defines them, record by record with a Map each
 * (the reference the batched tables are checked against): kept terms, and pairs
 * of adjacent content tokens (terms, or single characters), in term order.
 */
function referenceCounts(
  record: { title: string; text: string },
  segmenter: Segmenter,
  lexicon: Lexicon,
): [[string, number][], [string, number][]] {
  const terms = new Map<string, number>();
  const pairs = new Map<string, number>();
  let previous: string | null = null;
  for (const token of segmenter.cut(recordText(record))) {
    const c = classifyToken(token, lexicon);
    if ('term' in c) terms.set(c.term, (terms.get(c.term) ?? 0) + 1);
    const content = 'term' in c ? c.term : c.drop === 'single-char' ? token.trim() : null;
    if (content !== null && previous !== null)
      pairs.set(`${previous}\u0001${content}`, (pairs.get(`${previous}\u0001${content}`) ?? 0) + 1);
    previous = content;
  }
  const inOrder = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [inOrder(terms), inOrder(pairs)];
}

describeShared('parallel segmentation', () => {
  it('gives the same counts, in the same order, with 1, 2 and 3 worker threads', async () => {
    // four copies: enough batches (23) that the workers, which load while this thread starts, take some
    const messages = (await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP })).records;
    const records = [...messages, ...messages, ...messages, ...messages].map((r) => ({ ...r }));
    const lexicon = loadLexicon({}, []);
    const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
    const options = { lexiconOptions: {}, backend: 'node-rs' as const };
    const entries = (counts: DocumentCounts[]) => counts.map((c) => [[...c.terms], [...c.pairs]]);
    const one = entries(await segmentRecords(records, segmenter, lexicon, { ...options, workers: 1 }));
    expect(one).toHaveLength(8960);
    // the table views hold what a Map per record holds
    const reference = messages.map((r) => referenceCounts(r, segmenter, lexicon));
    expect(one.slice(0, 2240)).toEqual(reference);
    // and so do the last copy's, made after 16 batches that numbered their terms and tokens on
    expect(one.slice(6720)).toEqual(reference);
    const progress: number[] = [];
    const two = await segmentRecords(records, segmenter, lexicon, { ...options, workers: 2, onProgress: (done) => progress.push(done) });
    expect(entries(two)).toEqual(one);
    expect(progress.at(-1)).toBe(8960);
    expect(entries(await segmentRecords(records, segmenter, lexicon, { ...options, workers: 3 }))).toEqual(one);
    // workers started before the records are read, as a run starts them; one more than needed is stopped
    const started = startSegmentWorkers(2, options);
    expect(entries(await segmentRecords(records, segmenter, lexicon, { ...options, workers: 2, started }))).toEqual(one);
    expect(started.map(({ worker }) => worker.threadId)).toEqual([-1, -1]);
  }, 120_000);
});

it('segments no records into no counts, with any worker count', async () => {
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  for (const workers of [1, 2])
    expect(await segmentRecords([], segmenter, lexicon, { lexiconOptions: {}, backend: 'node-rs', workers })).toEqual([]);
});
