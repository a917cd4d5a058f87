import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SuggestionRecord } from '../corpus/record.ts';
import type { DocumentCounts } from './document-terms.ts';
import { documentCounts } from './document-terms.ts';
import type { Lexicon, LexiconOptions } from './lexicon.ts';
import type { Segmenter, SegmenterBackend } from './segmenter.ts';
import type { WorkerSetup } from './segment-worker-body.ts';

export interface SegmentRecordsOptions {
  /** Threads that segment, the calling one included (N − 1 workers are started). Default: one per core from 4,000 records up (below that, starting workers costs more than it saves). */
  workers?: number;
  /** What each worker loads: the same dictionaries and backend as `segmenter`/`lexicon`. */
  lexiconOptions: LexiconOptions;
  backend: SegmenterBackend;
  hmm?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Records per message to a worker: big enough to amortise the copy, small enough to balance two cores. */
const BATCH = 400;

/** The default worker count: one per core, for inputs large enough to gain from them. */
export function defaultWorkers(records: number): number {
  return records < 4000 ? 1 : Math.max(1, availableParallelism());
}

/**
 * Term and pair counts of every record, in record order. With `workers` N > 1
 * the records go in batches to this thread and N − 1 worker threads that load
 * the same dictionaries (this thread starts at once, while the workers load;
 * whoever is free takes the next batch); segmentation is a pure function of
 * the text and the dictionaries, so the result is the same for any worker
 * count (tested).
 * nodejieba keeps one dictionary set per process, so it always runs on the
 * calling thread.
 */
export async function segmentRecords(records: readonly Pick<SuggestionRecord, 'title' | 'text'>[], segmenter: Segmenter, lexicon: Lexicon, options: SegmentRecordsOptions): Promise<DocumentCounts[]> {
  const total = records.length;
  const workers = Math.min(options.workers ?? defaultWorkers(total), Math.ceil(total / BATCH));
  if (workers <= 1 || options.backend === 'nodejieba') {
    return records.map((record, i) => {
      if (options.onProgress && (i % 500 === 0 || i === total - 1)) options.onProgress(i + 1, total);
      return documentCounts(record, segmenter, lexicon);
    });
  }
  const setup: WorkerSetup = { lexicon: options.lexiconOptions, backend: options.backend, hmm: options.hmm };
  const results: DocumentCounts[][] = [];
  const batches = Math.ceil(total / BATCH);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: workers - 1 }, () => new Worker(new URL('./segment-worker.js', import.meta.url), { workerData: setup }));
  // this thread's share: a batch at a time, yielding between batches so the workers get theirs
  const here = async (): Promise<void> => {
    while (next < batches) {
      const index = next++;
      results[index] = records.slice(index * BATCH, (index + 1) * BATCH).map((record) => documentCounts(record, segmenter, lexicon));
      done += results[index].length;
      options.onProgress?.(done, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([here(), ...pool.map((worker) => new Promise<void>((resolve, reject) => {
      // two batches in flight, so a worker has the next one while this thread is busy with its own
      let inFlight = 0;
      const send = (): void => {
        while (inFlight < 2 && next < batches) {
          const index = next++;
          const texts = records.slice(index * BATCH, (index + 1) * BATCH).map((r) => [r.title, r.text] as [string, string]);
          worker.postMessage({ index, texts });
          inFlight++;
        }
        if (inFlight === 0) resolve();
      };
      worker.on('message', (m: { ready: true } | { index: number; counts: DocumentCounts[] }) => {
        if ('counts' in m) {
          results[m.index] = m.counts;
          done += m.counts.length;
          inFlight--;
          options.onProgress?.(done, total);
        }
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (next < batches || code !== 0) reject(new Error(`segmentation worker stopped (exit code ${code})`));
      });
    }))]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results.flat();
}
