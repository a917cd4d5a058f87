import { parentPort, workerData } from 'node:worker_threads';
import type { Scope } from './scopes.ts';
import type { TopicOptions } from './topics.ts';
import { documentsInScope, topicsOfScope } from './topics.ts';
import type { CountTable } from '../segment/count-table.ts';
import { tableViews } from '../segment/count-table.ts';

/** A document as sent to a topics worker: id, title, category, year (its term counts are in the shared table). */
export type WireDocument = [string, string, string | null, number | null];

/** What a topics worker is started with; `next` is a shared counter the workers take scope indices from. */
export interface TopicsWorkerSetup {
  docs: WireDocument[];
  terms: CountTable;
  scopes: Scope[];
  options: TopicOptions;
  next: Int32Array;
}

// Workers take the next scope from the shared counter themselves, so they keep going while the
// main thread is busy (scoring) and cannot hand out work.
const setup = workerData as TopicsWorkerSetup;
const views = tableViews(setup.terms);
const docs = setup.docs.map(([id, title, category, year], i) => ({ id, title, category, year, terms: views[i]! }));
for (let index = Atomics.add(setup.next, 0, 1); index < setup.scopes.length; index = Atomics.add(setup.next, 0, 1)) {
  const scope = setup.scopes[index]!;
  parentPort!.postMessage({ index, result: topicsOfScope(scope, documentsInScope(scope, docs), 1, setup.options) });
}
