import { parentPort, workerData } from 'node:worker_threads';
import type { Scope } from './scopes.ts';
import type { TopicOptions } from './topics.ts';
import { documentsInScope, topicsOfScope } from './topics.ts';

/** A document as sent to a topics worker: id, title, category, year, [term, count] pairs. */
export type WireDocument = [string, string, string | null, number | null, [string, number][]];

const setup = workerData as { docs: WireDocument[]; options: TopicOptions };
const docs = setup.docs.map(([id, title, category, year, terms]) => ({ id, title, category, year, terms: new Map(terms) }));
parentPort!.on('message', (m: { index: number; scope: Scope }) => {
  parentPort!.postMessage({ index: m.index, result: topicsOfScope(m.scope, documentsInScope(m.scope, docs), 1, setup.options) });
});
