import { parentPort, workerData } from 'node:worker_threads';
import type { Scope } from './scopes.ts';
import type { TopicOptions } from './topics.ts';
import { documentsInScope, topicsOfScope } from './topics.ts';
import type { CountTable } from '../matrix/count-table.ts';
import { tableViews } from '../matrix/table-counts.ts';
import type { ScopeQueue } from './scope-queue.ts';
import { takeScope } from './scope-queue.ts';

/** A document as sent to a topics worker: id, title, category, year (its term counts are in the shared table). */
export type WireDocument = [string, string, string | null, number | null];

/** What a topics worker is started with; `queue` hands out scope indices (scope-queue.ts). */
export interface TopicsWorkerSetup {
  docs: WireDocument[];
  terms: CountTable;
  scopes: Scope[];
  options: TopicOptions;
  /** Words that may not name a topic (topicsOfScope). */
  refused: string[];
  queue: ScopeQueue;
}

// Workers take the next scope from the shared queue themselves, so they keep going while the
// main thread is busy (scoring) and cannot hand out work.
const setup = workerData as TopicsWorkerSetup;
const views = tableViews(setup.terms);
const refused = new Set(setup.refused);
const docs = setup.docs.map(([id, title, category, year], i) => ({ id, title, category, year, terms: views[i]! }));
for (let index = takeScope(setup.queue); index >= 0; index = takeScope(setup.queue)) {
  const scope = setup.scopes[index]!;
  const result = topicsOfScope(scope, documentsInScope(scope, docs), 1, setup.options, refused);
  // when it was done (ms since the epoch, comparable across threads): the run's `topics` seconds end there
  parentPort!.postMessage({ index, result, endedAt: performance.timeOrigin + performance.now() });
}
