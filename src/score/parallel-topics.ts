import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import type { WireDocument } from './topics-worker-body.ts';
import type { DocumentTopic, ScopeTopics, Topic, TopicOptions, TopicScopeNote } from './topics.ts';
import { joinScopeTopics, topicsOfScopes } from './topics.ts';

/**
 * topicsOfScopes over `workers` threads: each worker gets the documents once,
 * then scopes one at a time from a queue (the largest come first in scope
 * order, so the two cores stay busy). Every scope's topics depend only on its
 * documents and the seed, so the result is the same as on one thread (tested).
 */
export async function topicsOfScopesInParallel(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions,
  workers: number,
): Promise<{ topics: Topic[]; assignments: DocumentTopic[]; notes: TopicScopeNote[] }> {
  const threads = Math.min(workers, scopes.length);
  if (threads <= 1) return topicsOfScopes(scopes, docs, options);
  const wire: WireDocument[] = docs.map((d) => [d.id, d.title, d.category, d.year, [...d.terms]]);
  const results: ScopeTopics[] = [];
  let next = 0;
  const pool = Array.from({ length: threads }, () => new Worker(new URL('./topics-worker.js', import.meta.url), { workerData: { docs: wire, options } }));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const send = (): void => {
        if (next >= scopes.length) {
          resolve();
          return;
        }
        const index = next++;
        worker.postMessage({ index, scope: scopes[index] });
      };
      worker.on('message', (m: { index: number; result: ScopeTopics }) => {
        results[m.index] = m.result;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (next < scopes.length) reject(new Error(`topics worker stopped (exit code ${code})`));
      });
      send();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return joinScopeTopics(results);
}

/** The default topic worker count: one per core from 1,000 documents (below that, starting threads costs more than it saves). */
export function defaultTopicWorkers(documents: number): number {
  return documents < 1000 ? 1 : Math.max(1, availableParallelism());
}
