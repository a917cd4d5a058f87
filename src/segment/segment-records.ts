import { Worker } from 'node:worker_threads';
import type { SuggestionRecord } from '../corpus/record.ts';
import type { DocumentCounts } from './document-terms.ts';
import type { BatchSource } from '../matrix/table-builders.ts';
import { CountTableBuilder, PairTableBuilder, newBatchSource } from '../matrix/table-builders.ts';
import { tableViews } from '../matrix/table-counts.ts';
import { BatchVocabulary, batchCounts } from './batch-counts.ts';
import type { Lexicon, LexiconOptions } from './lexicon.ts';
import type { Segmenter, SegmenterBackend } from './segmenter.ts';
import type { WorkerSetup } from './segment-worker.ts';
import { workerModule } from '../worker-module.ts';

export interface SegmentRecordsOptions {
  /** Threads that segment, the calling one included (N − 1 workers are started; never more than there are batches). */
  workers: number;
  /** Workers started earlier by startSegmentWorkers (same dictionaries), used first; any beyond `workers` − 1 are stopped. */
  started?: SegmentWorker[];
  /** What each worker loads: the same dictionaries and backend as `segmenter`/`lexicon`. */
  lexiconOptions: LexiconOptions;
  backend: SegmenterBackend;
  hmm?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A segmentation worker thread and the moment it has loaded its dictionaries. */
export interface SegmentWorker {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * Start `count` segmentation workers now, so that they load their
 * dictionaries (about half a second) while this thread reads the input;
 * hand them to segmentRecords as `started`. A worker that fails before it is
 * ready rejects `ready`, which segmentRecords reports.
 */
export function startSegmentWorkers(
  count: number,
  options: Pick<SegmentRecordsOptions, 'lexiconOptions' | 'backend' | 'hmm'>,
): SegmentWorker[] {
  const setup: WorkerSetup = { lexicon: options.lexiconOptions, backend: options.backend, hmm: options.hmm };
  return Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(workerModule(import.meta.url, 'segment-worker'), { workerData: setup });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`segmentation worker stopped before it was ready (exit code ${code})`)));
    });
    // reported by segmentRecords when it uses the worker (an unused one is only stopped)
    ready.catch(() => undefined);
    return { worker, ready };
  });
}

/** Records per message to a worker: big enough to amortise the copy, small enough to balance two cores. */
const BATCH = 400;

/**
 * Term and pair counts of every record, in record order, as views of two
 * count tables (count-table.ts: one copy of each term, 8 bytes an entry,
 * instead of a Map per record). With `workers` N > 1 the records go in
 * batches to this thread and N − 1 worker threads that load the same
 * dictionaries (this thread starts at once, while the workers load; whoever
 * is free takes the next batch); workers send a batch's counts as typed
 * arrays. Segmentation is a pure function of the text and the dictionaries,
 * and the tables number terms in sorted order, so the result is the same for
 * any worker count (tested).
 * nodejieba keeps one dictionary set per process, so it always runs on the
 * calling thread.
 */
export async function segmentRecords(
  records: readonly Pick<SuggestionRecord, 'title' | 'text'>[],
  segmenter: Segmenter,
  lexicon: Lexicon,
  options: SegmentRecordsOptions,
): Promise<DocumentCounts[]> {
  const total = records.length;
  const batches = Math.ceil(total / BATCH);
  const workers = options.backend === 'nodejieba' ? 1 : Math.max(1, Math.min(options.workers, batches));
  const terms = new CountTableBuilder();
  const pairs = new PairTableBuilder();
  // batches are added to the tables in order, as soon as the ones before them are in (so each
  // thread's batches come in the order it made them, as its BatchSource needs)
  const results: ({ batch: Batch; source: BatchSource } | undefined)[] = [];
  let added = 0;
  let done = 0;
  const receive = (index: number, batch: Batch, source: BatchSource): void => {
    results[index] = { batch, source };
    done += batch.terms.starts.length - 1;
    options.onProgress?.(done, total);
    for (; added < batches && results[added]; added++) {
      const r = results[added]!;
      terms.addBatch(r.batch.terms, r.source);
      pairs.addBatch(r.batch.pairs, r.source);
      results[added] = undefined;
    }
  };
  let next = 0;
  const slice = (index: number): Pick<SuggestionRecord, 'title' | 'text'>[] => records.slice(index * BATCH, (index + 1) * BATCH);
  const started = options.started ?? [];
  const pool = [...started.slice(0, workers - 1), ...startSegmentWorkers(workers - 1 - started.length, options)];
  const stopping = started.slice(workers - 1).map(({ worker }) => worker.terminate());
  // this thread's share: a batch at a time, yielding between batches so the workers get theirs
  const vocabulary = new BatchVocabulary();
  const hereSource = newBatchSource();
  const here = async (): Promise<void> => {
    while (next < batches) {
      const index = next++;
      receive(index, batchCounts(slice(index), segmenter, lexicon, vocabulary), hereSource);
      if (pool.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      here(),
      ...pool.map(
        ({ worker, ready }) =>
          new Promise<void>((resolve, reject) => {
            // two batches in flight, so a worker has the next one while this thread is busy with its own
            let inFlight = 0;
            // the worker numbers keys afresh from its first batch of this call on
            const source = newBatchSource();
            let fresh = true;
            const send = (): void => {
              while (inFlight < 2 && next < batches) {
                const index = next++;
                worker.postMessage({ index, fresh, texts: slice(index).map((r) => [r.title, r.text] as [string, string]) });
                fresh = false;
                inFlight++;
              }
              if (inFlight === 0) resolve();
            };
            // its first batches once it is ready (this thread has been taking batches meanwhile)
            ready.then(send, reject);
            worker.on('message', (m: { ready: true } | { index: number; counts: Batch }) => {
              if ('counts' in m) {
                inFlight--;
                receive(m.index, m.counts, source);
                send();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches || code !== 0) reject(new Error(`segmentation worker stopped (exit code ${code})`));
            });
          }),
      ),
    ]);
  } finally {
    await Promise.all([...stopping, ...pool.map(({ worker }) => worker.terminate())]);
  }
  const termViews = tableViews(terms.finish({ sortRows: true }));
  const pairViews = tableViews(pairs.finish());
  return termViews.map((t, i) => ({ terms: t, pairs: pairViews[i]! }));
}

type Batch = ReturnType<typeof batchCounts>;
