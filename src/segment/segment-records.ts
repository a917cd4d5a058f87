import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SuggestionRecord } from '../corpus/record.ts';
import type { DocumentCounts } from './document-terms.ts';
import { documentCounts } from './document-terms.ts';
import type { Lexicon, LexiconOptions } from './lexicon.ts';
import type { Segmenter, SegmenterBackend } from './segmenter.ts';
import type { WorkerSetup } from './segment-worker-body.ts';

export interface SegmentRecordsOptions {
  /** Worker threads; 1 segments on the calling thread. Default: one per core from 4,000 records up (below that, starting workers costs more than it saves). */
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
 * Term and pair counts of every record, in record order. With more than one
 * worker the records go in batches to worker threads that load the same
 * dictionaries; segmentation is a pure function of the text and the
 * dictionaries, so the result is the same for any worker count (tested).
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
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./segment-worker.js', import.meta.url), { workerData: setup }));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const send = (): void => {
        if (next >= batches) {
          resolve();
          return;
        }
        const index = next++;
        const texts = records.slice(index * BATCH, (index + 1) * BATCH).map((r) => [r.title, r.text] as [string, string]);
        worker.postMessage({ index, texts });
      };
      worker.on('message', (m: { ready: true } | { index: number; counts: DocumentCounts[] }) => {
        if ('counts' in m) {
          results[m.index] = m.counts;
          done += m.counts.length;
          options.onProgress?.(done, total);
        }
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (next < batches || code !== 0) reject(new Error(`segmentation worker stopped (exit code ${code})`));
      });
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results.flat();
}
