import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { topicDocuments, topicScopeOrder } from '../../src/score/analyse-corpus.ts';
import { startTopics } from '../../src/score/parallel-topics.ts';
import { createScopeQueue, joinScopeQueue, largestFirst, takeScope } from '../../src/score/scope-queue.ts';
import { scopesOfDocuments } from '../../src/score/scopes.ts';
import { topicsOfScopes } from '../../src/score/topics.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { segmentRecords } from '../../src/segment/segment-records.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

it('finds the same topics, with the same ids, on 1, 2 and 3 threads (bundled sample)', async () => {
  const records = (await readCorpus(SAMPLE)).records.sort((a, b) => (a.id < b.id ? -1 : 1));
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  const counted = await segmentRecords(records, segmenter, lexicon, { workers: 1, backend: 'node-rs', lexiconOptions: {} });
  const docs = topicDocuments(records.map((record, i) => ({ record, ...counted[i]! })));
  const scopes = topicScopeOrder(scopesOfDocuments(records));
  const one = topicsOfScopes(scopes, docs, { seed: 'hotwords' });
  expect(one.topics.length).toBeGreaterThan(5);
  // this thread and a worker, and this thread and two workers; each says when its last scope was done
  for (const threads of [2, 3]) {
    const started = Date.now();
    const { clusteredUntil, ...found } = await startTopics(scopes, docs, { seed: 'hotwords' }, threads).finish();
    expect(found).toEqual({ ...one, reused: 0 });
    expect(clusteredUntil).toBeGreaterThanOrEqual(started - 1);
    expect(clusteredUntil).toBeLessThanOrEqual(Date.now() + 1);
  }
  // the calling thread busy for a while first: the worker takes scopes meanwhile, and the last one
  // it clusters is done before this thread joins (the sample's topics take about 0.2-0.5 s alone)
  const late = startTopics(scopes, docs, { seed: 'hotwords' }, 2);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const joined = Date.now();
  const { clusteredUntil, ...found } = await late.finish();
  expect(found).toEqual({ ...one, reused: 0 });
  expect(clusteredUntil).toBeLessThan(joined);
}, 60_000);

it('hands out every scope once, in the order given: the small end while the calling thread is busy, the large end once it joins', () => {
  const order = largestFirst([5, 40, 5, 90, 1]);
  expect(order).toEqual([3, 1, 0, 2, 4]);
  const queue = createScopeQueue(order);
  expect([takeScope(queue), takeScope(queue)]).toEqual([4, 2]);
  joinScopeQueue(queue);
  expect([takeScope(queue), takeScope(queue), takeScope(queue), takeScope(queue)]).toEqual([3, 1, 0, -1]);
});

it('leaves the scopes that wait until the calling thread joins, and hands out the others largest first meanwhile', () => {
  const order = largestFirst([5, 40, 5, 90, 1, 30]);
  expect(order).toEqual([3, 1, 5, 0, 2, 4]);
  // the two largest wait
  const queue = createScopeQueue(order, 2);
  expect([takeScope(queue), takeScope(queue)]).toEqual([5, 0]);
  joinScopeQueue(queue);
  expect(Array.from({ length: 5 }, () => takeScope(queue))).toEqual([3, 1, 2, 4, -1]);
  // a worker that runs out of the others before the join takes the waiting ones, the smaller first
  const alone = createScopeQueue(order, 2);
  expect(Array.from({ length: 7 }, () => takeScope(alone))).toEqual([5, 0, 2, 4, 1, 3, -1]);
});
