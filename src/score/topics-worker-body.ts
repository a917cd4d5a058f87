import { parentPort, workerData } from 'node:worker_threads';
import type { Scope } from './scopes.ts';
import type { TopicOptions } from './topics.ts';
import { documentsInScope, topicsOfScope } from './topics.ts';

/** A document as sent to a topics worker: id, title, category, year, [term, count] pairs. */
export type WireDocument = [string, string, string | null, number | null, [string, number][]];

/** What a topics worker is started with; `next` is a shared counter the workers take scope indices from. */
export interface TopicsWorkerSetup {
  docs: WireDocument[];
  scopes: Scope[];
  options: TopicOptions;
  next: Int32Array;
}

// Workers take the next scope from the shared counter themselves, so they keep going while the
// main thread is busy (scoring) and cannot hand out work.
const setup = workerData as TopicsWorkerSetup;
const docs = setup.docs.map(([id, title, category, year, terms]) => ({ id, title, category, year, terms: new Map(terms) }));
for (let index = Atomics.add(setup.next, 0, 1); index < setup.scopes.length; index = Atomics.add(setup.next, 0, 1)) {
  const scope = setup.scopes[index]!;
  parentPort!.postMessage({ index, result: topicsOfScope(scope, documentsInScope(scope, docs), 1, setup.options) });
}
