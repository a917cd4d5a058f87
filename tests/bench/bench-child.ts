/**
 * The bench's topics step, `topics-k <corpus> <k>`: the whole corpus's topics with k given, on one
 * thread, with their NMI against the labels where there are labels. TypeScript (under tsx) for the
 * tests' NMI and topic documents; it starts no worker, and the time is taken after every import.
 * The steps that start workers are in run-child.mjs, on the compiled code. Prints one JSON line.
 */
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { topicsOfScope } from '../../src/score/topics.ts';
import { nmi } from '../nmi.ts';
import { topicDocumentsOf } from '../topic-documents.ts';

const [mode, input, a] = process.argv.slice(2);
const rss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
if (mode !== 'topics-k') throw new Error(`unknown mode ${mode}`);
const docs = await topicDocumentsOf((await readCorpus([input!], {})).records);
const t0 = performance.now();
const r = topicsOfScope({ category: null, year: null }, docs, 1, { seed: 'hotwords', topics: Number(a) });
const seconds = (performance.now() - t0) / 1000;
const topicOf = new Map(r.assignments.map((x) => [x.documentId, x.topicId]));
const labelled = docs.filter((d) => d.category !== null);
console.log(
  JSON.stringify({
    seconds,
    k: r.topics.filter((t) => !t.outlier).length,
    nmi: nmi(
      labelled.map((d) => d.category!),
      labelled.map((d) => topicOf.get(d.id) ?? -1),
    ),
    labelled: labelled.length,
    peakRssMb: rss(),
  }),
);
