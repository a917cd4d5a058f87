import { Worker } from 'node:worker_threads';
import type { TermDocument } from './scope-counts.ts';
import type { Scope } from './scopes.ts';
import { scopeKey, scopesOf } from './scopes.ts';
import type { TopicsWorkerSetup } from './topics-worker.ts';
import type { ScopeTopics, TopicOptions } from './topics.ts';
import { documentsInScope, joinScopeTopics, topicsOfScope } from './topics.ts';
import { countTable } from '../matrix/table-of-maps.ts';
import { createScopeQueue, joinScopeQueue, largestFirst, takeScope } from './scope-queue.ts';
import { workerModule } from '../worker-module.ts';
import type { StoredScopeTopics } from './topic-reuse.ts';

/**
 * The topics of every scope, how many were stored ones, and when the last scope clustered here was
 * done (ms since the epoch, on whichever thread; null when every scope's topics were stored).
 */
export type TopicsOfScopes = ReturnType<typeof joinScopeTopics> & { reused: number; clusteredUntil: number | null };

/**
 * Scopes of more suggestions than this wait until the calling thread is done with its own work
 * (scoring, at its memory peak, then storing) before a worker takes them. The others go largest first from the start,
 * so that the last scopes to finish are small ones: at 11 MB (9,382 suggestions, all below it)
 * the worker took the largest last when it took the small ones first, and finished it alone.
 */
const LARGE_SCOPE = 10_000;

/** Topic clustering under way on worker threads; the calling thread joins in when it calls `finish`. */
export interface TopicsInProgress {
  /** Take scopes on this thread too until none is left, then wait for the workers: the topics of every scope. */
  finish(): Promise<TopicsOfScopes>;
  /** Stop the workers (after a failure elsewhere); `finish` must not be called after. */
  cancel(): Promise<void>;
}

/**
 * topicsOfScopes over `threads` threads: `threads − 1` workers start now and
 * take scopes while the calling thread does something else (the run scores
 * hot words meanwhile); the calling thread takes scopes too once it calls
 * `finish`. So no more threads run than asked for, and while the calling
 * thread scores, one worker fewer holds a scope's matrices in memory; and
 * the workers leave the scopes of more than 10,000 suggestions until this
 * thread joins (scope-queue.ts; when the workers took the small scopes
 * first, at 97 MB the run's peak RSS fell from 1397 to 1159 MB). All share one copy of the documents' term
 * counts (segment/count-table.ts). Every scope's topics depend only on its
 * documents, the seed and the words `refused` as their names, so the result
 * is the same on any number of threads (tested).
 */
export function startTopics(
  scopes: readonly Scope[],
  docs: readonly (TermDocument & { id: string; title: string })[],
  options: TopicOptions,
  threads: number,
  reuse: { hashes: readonly string[]; stored: StoredScopeTopics } | null = null,
  refused: ReadonlySet<string> = new Set(),
): TopicsInProgress {
  const results: ScopeTopics[] = [];
  let received = 0;
  // a scope whose content hash an earlier run stored gets its topics back (topic-reuse.ts)
  const todo: number[] = [];
  scopes.forEach((_, i) => {
    const stored = reuse ? reuse.stored.get(reuse.hashes[i]!) : undefined;
    if (stored) {
      results[i] = stored;
      received++;
    } else todo.push(i);
  });
  const reused = received;
  const workers = Math.max(0, Math.min(threads, todo.length) - 1);
  // largest first (their documents stand in for their work), whatever the scopes' order
  const documents = new Map<string, number>();
  for (const d of docs) for (const s of scopesOf(d)) documents.set(scopeKey(s), (documents.get(scopeKey(s)) ?? 0) + 1);
  const sizes = scopes.map((s) => documents.get(scopeKey(s)) ?? 0);
  const order = largestFirst(todo.map((i) => sizes[i]!)).map((j) => todo[j]!);
  const queue = createScopeQueue(order, order.filter((i) => sizes[i]! > LARGE_SCOPE).length);
  let complete!: () => void;
  let fail!: (e: unknown) => void;
  const allIn = new Promise<void>((resolve, reject) => {
    complete = resolve;
    fail = reject;
  });
  // a failure is reported by finish (or dropped after cancel), never left unhandled
  allIn.catch(() => undefined);
  let clusteredUntil: number | null = null;
  const arrived = (index: number, result: ScopeTopics, endedAt: number): void => {
    results[index] = result;
    clusteredUntil = Math.max(clusteredUntil ?? endedAt, endedAt);
    if (++received === scopes.length) complete();
  };
  const pool: Worker[] = [];
  if (workers > 0) {
    const setup: TopicsWorkerSetup = {
      docs: docs.map((d) => [d.id, d.title, d.category, d.year]),
      terms: countTable(docs),
      scopes: [...scopes],
      options,
      refused: [...refused],
      queue,
    };
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(workerModule(import.meta.url, 'topics-worker'), { workerData: setup });
      pool.push(worker);
      worker.on('message', (m: { index: number; result: ScopeTopics; endedAt: number }) => arrived(m.index, m.result, m.endedAt));
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`topics worker stopped (exit code ${code})`));
      });
    }
  }
  const terminate = (): Promise<void> => Promise.all(pool.map((w) => w.terminate())).then(() => undefined);
  return {
    async finish() {
      try {
        if (received === scopes.length) complete();
        joinScopeQueue(queue);
        // the workers' results wait in their message queue while this thread works
        for (let index = takeScope(queue); index >= 0; index = takeScope(queue)) {
          const scope = scopes[index]!;
          const result = topicsOfScope(scope, documentsInScope(scope, docs), 1, options, refused);
          arrived(index, result, performance.timeOrigin + performance.now());
        }
        await allIn;
      } finally {
        await terminate();
      }
      return { ...joinScopeTopics(results), reused, clusteredUntil };
    },
    cancel: terminate,
  };
}
