/**
 * `npm run bench:threads -- <corpus.jsonl>`: how far two threads can speed up
 * bare segmentation on this machine, the ceiling of the segment stage's
 * two-thread ratio. Each thread loads jieba's dictionary and its share of
 * the texts (title and text of each JSONL line) first; the time is from the
 * moment all are ready to the moment all have cut their share, one thread
 * with every text against two with half each. Three rounds. Plain JS (no
 * tsx), so a worker starts as fast as Node allows.
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

if (isMainThread) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npm run bench:threads -- <corpus.jsonl> (lines with title and text)');
  const texts = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const r = JSON.parse(line);
      return `${r.title ?? ''}\n${r.text ?? ''}`;
    });
  /** Seconds for the threads to cut their shares, from the moment all are ready. */
  const cutOn = (shares) =>
    new Promise((resolve, reject) => {
      const workers = shares.map((share) => new Worker(new URL(import.meta.url), { workerData: share }));
      let ready = 0;
      let done = 0;
      let t0 = 0;
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (m) => {
          if (m === 'ready') {
            if (++ready === workers.length) {
              t0 = performance.now();
              for (const x of workers) x.postMessage('go');
            }
          } else if (++done === workers.length) {
            resolve((performance.now() - t0) / 1000);
            for (const x of workers) void x.terminate();
          }
        });
      }
    });
  const half = Math.ceil(texts.length / 2);
  console.log(`${texts.length} texts, bare segmentation (@node-rs/jieba, its own dictionary):`);
  for (let round = 1; round <= 3; round++) {
    const one = await cutOn([texts]);
    const two = await cutOn([texts.slice(0, half), texts.slice(half)]);
    console.log(`round ${round}: one thread ${one.toFixed(2)} s, two threads ${two.toFixed(2)} s → ${(one / two).toFixed(2)}×`);
  }
} else {
  const jieba = Jieba.withDict(dict);
  parentPort.postMessage('ready');
  parentPort.once('message', () => {
    let tokens = 0;
    for (const text of workerData) tokens += jieba.cut(text, true).length;
    parentPort.postMessage(tokens);
  });
}
