import { expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import type { DocumentCounts } from '../../src/segment/document-terms.ts';
import { documentCounts } from '../../src/segment/document-terms.ts';
import { segmentRecords } from '../../src/segment/segment-records.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

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
    // the table views hold what a Map per record held
    expect(one.slice(0, 2240)).toEqual(entries(messages.map((r) => documentCounts(r, segmenter, lexicon))));
    const progress: number[] = [];
    const two = await segmentRecords(records, segmenter, lexicon, { ...options, workers: 2, onProgress: (done) => progress.push(done) });
    expect(entries(two)).toEqual(one);
    expect(progress.at(-1)).toBe(8960);
    expect(entries(await segmentRecords(records, segmenter, lexicon, { ...options, workers: 3 }))).toEqual(one);
  }, 120_000);
});

it('segments no records into no counts, with any worker count', async () => {
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  for (const workers of [1, 2]) expect(await segmentRecords([], segmenter, lexicon, { lexiconOptions: {}, backend: 'node-rs', workers })).toEqual([]);
});
