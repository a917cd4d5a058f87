import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import type { TopicsWorkerSetup } from './topics-worker-body.ts';
import type { DocumentTopic, ScopeTopics, Topic, TopicOptions, TopicScopeNote } from './topics.ts';
import { joinScopeTopics, topicsOfScopes } from './topics.ts';
import { countTable } from '../segment/count-table.ts';

/**
 * topicsOfScopes over `workers` threads, started now and awaited later: the
 * workers share one copy of the documents' term counts (segment/count-table.ts) and
 * take scopes from a shared counter (the
 * largest come first in scope order, so the threads stay busy), so the work
 * goes on while the calling thread does something else (the run scores hot
 * words meanwhile). Every scope's topics depend only on its documents and the
 * seed, so the result is the same as on one thread (tested).
 */
export function topicsOfScopesInParallel(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions,
  workers: number,
): Promise<{ topics: Topic[]; assignments: DocumentTopic[]; notes: TopicScopeNote[] }> {
  const threads = Math.min(workers, scopes.length);
  if (threads <= 1) return Promise.resolve(topicsOfScopes(scopes, docs, options));
  const setup: TopicsWorkerSetup = {
    docs: docs.map((d) => [d.id, d.title, d.category, d.year]),
    terms: countTable(docs),
    scopes: [...scopes],
    options,
    next: new Int32Array(new SharedArrayBuffer(4)),
  };
  const results: ScopeTopics[] = [];
  let received = 0;
  const pool = Array.from({ length: threads }, () => new Worker(new URL('./topics-worker.js', import.meta.url), { workerData: setup }));
  const done = new Promise<void>((resolve, reject) => {
    for (const worker of pool) {
      worker.on('message', (m: { index: number; result: ScopeTopics }) => {
        results[m.index] = m.result;
        if (++received === scopes.length) resolve();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`topics worker stopped (exit code ${code})`));
      });
    }
  });
  return done.then(
    () => Promise.all(pool.map((w) => w.terminate())).then(() => joinScopeTopics(results)),
    (e: unknown) => Promise.all(pool.map((w) => w.terminate())).then(() => Promise.reject(e)),
  );
}

/** The default topic worker count: one per core from 1,000 documents (below that, starting threads costs more than it saves). */
export function defaultTopicWorkers(documents: number): number {
  return documents < 1000 ? 1 : Math.max(1, availableParallelism());
}
