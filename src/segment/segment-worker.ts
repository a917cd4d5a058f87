import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics.ts';
import { createSegmenter } from './create-segmenter.ts';
import { BatchVocabulary, batchCounts } from './batch-counts.ts';
import type { LexiconOptions } from './lexicon.ts';
import { loadLexicon } from './lexicon.ts';
import type { SegmenterBackend } from './segmenter.ts';

/** What a worker is started with: the same dictionaries and backend as the main thread. */
export interface WorkerSetup {
  lexicon: LexiconOptions;
  backend: SegmenterBackend;
  hmm?: boolean;
}

const setup = workerData as WorkerSetup;
const lexicon = loadLexicon(setup.lexicon, [] as Diagnostic[]);
const segmenter = createSegmenter({ backend: setup.backend, userWords: lexicon.userWords, hmm: setup.hmm });
// what this thread's batches have seen (batch-counts.ts); a call of segmentRecords starts it afresh
let vocabulary = new BatchVocabulary();
parentPort!.on('message', (batch: { index: number; fresh: boolean; texts: [string, string][] }) => {
  if (batch.fresh) vocabulary = new BatchVocabulary();
  const counts = batchCounts(
    batch.texts.map(([title, text]) => ({ title, text })),
    segmenter,
    lexicon,
    vocabulary,
  );
  const buffers = [counts.terms, counts.pairs]
    .flatMap((c) => [c.starts.buffer, c.ids.buffer, c.counts.buffer])
    .concat(counts.pairs.halves.buffer);
  parentPort!.postMessage({ index: batch.index, counts }, buffers);
});
parentPort!.postMessage({ ready: true });
