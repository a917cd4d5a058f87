/**
 * The keyword stage with `natural`'s TfIdf (the design's named package) and
 * with plain Maps, on the same tokens: `natural-child <input.jsonl>`. Both
 * compute every document's terms ranked by TF-IDF. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import natural from 'natural';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { documentTerms } from '../../src/segment/document-terms.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';

const lexicon = loadLexicon({}, []);
const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
const docs = readFileSync(process.argv[2]!, 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => documentTerms(JSON.parse(l) as { title: string; text: string }, segmenter, lexicon));

let t0 = performance.now();
const tfidf = new natural.TfIdf();
for (const d of docs) tfidf.addDocument(d);
let naturalTop = 0;
for (let i = 0; i < docs.length; i++) naturalTop += tfidf.listTerms(i).slice(0, 10).length;
const naturalSeconds = (performance.now() - t0) / 1000;

t0 = performance.now();
const df = new Map<string, number>();
const counts = docs.map((d) => {
  const m = new Map<string, number>();
  for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
  for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return m;
});
let mapTop = 0;
for (const m of counts) {
  const scored = [...m]
    .map(([t, c]) => [t, c * (1 + Math.log(docs.length / (1 + df.get(t)!)))] as const)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  mapTop += scored.slice(0, 10).length;
}
const mapSeconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ documents: docs.length, naturalSeconds, mapSeconds, naturalTop, mapTop }));
