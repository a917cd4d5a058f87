/**
 * `npm run eval:topics`: what the topics' three cost levers buy and cost, for
 * the team's call (docs/topics.md): the LSA rank, the final k-means restarts
 * and the restarts for each k the search for k tries, each against the
 * shipped setting. On the labelled messages
 * (../shared/data), the whole-corpus scope with 8 seeds: seconds on this
 * thread, NMI of the topics with the messages' labels (mean, min), and
 * stability (mean NMI between the clusterings of two seeds). The seconds of
 * every scope of a bench corpus under a setting: `npm run bench:topics --
 * 12 --rank 50` (or `--restarts 10`, `--search-restarts 1`).
 */
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import type { TopicOptions } from '../../src/score/topics.ts';
import { topicsOfScope } from '../../src/score/topics.ts';
import { nmi } from '../nmi.ts';
import { MESSAGES_CSV, MESSAGES_MAP } from '../shared-data.ts';
import { topicDocumentsOf } from '../topic-documents.ts';

const SEEDS = ['hotwords', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
const SETTINGS: [string, Omit<TopicOptions, 'seed'>][] = [
  ['as shipped: LSA rank 100, 40 final restarts', {}],
  ['10 final restarts', { finalRestarts: 10 }],
  ['LSA rank 50', { lsaRank: 50 }],
  ['LSA rank 50, 10 final restarts', { lsaRank: 50, finalRestarts: 10 }],
  ['2 restarts for each k the search tries', { searchRestarts: 2 }],
  ['1 restart for each k the search tries', { searchRestarts: 1 }],
];

const corpus = await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP });
const fatal = corpus.diagnostics.find((d) => d.fatal);
if (fatal) throw new Error(`${fatal.file}: ${fatal.reason} (the evaluation reads ../shared/data beside the checkout)`);
const docs = await topicDocumentsOf(corpus.records);
const labelOf = new Map(corpus.records.map((r) => [r.id, r.category]));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

// once untimed, so that the first setting's seconds do not hold the compilation of the code
topicsOfScope({ category: null, year: null }, docs, 1, { seed: 'warm-up' });
console.log(`Topics of the whole-corpus scope of ${docs.length} labelled messages, ${SEEDS.length} seeds, one thread.\n`);
console.log('| setting | seconds (8 seeds) | time | NMI with the labels (mean, min) | stability |');
console.log('|---|---|---|---|---|');
let shipped = 0;
for (const [name, options] of SETTINGS) {
  let seconds = 0;
  const scores: number[] = [];
  const clusterings: Map<string, number>[] = [];
  for (const seed of SEEDS) {
    const t0 = performance.now();
    const r = topicsOfScope({ category: null, year: null }, docs, 1, { ...options, seed });
    seconds += (performance.now() - t0) / 1000;
    scores.push(
      nmi(
        r.assignments.map((a) => a.topicId),
        r.assignments.map((a) => labelOf.get(a.documentId) ?? ''),
      ),
    );
    clusterings.push(new Map(r.assignments.map((a) => [a.documentId, a.topicId])));
  }
  const stability: number[] = [];
  for (let i = 0; i < clusterings.length; i++) {
    for (let j = i + 1; j < clusterings.length; j++) {
      const ids = [...clusterings[i]!.keys()];
      stability.push(
        nmi(
          ids.map((d) => clusterings[i]!.get(d)!),
          ids.map((d) => clusterings[j]!.get(d)!),
        ),
      );
    }
  }
  if (shipped === 0) shipped = seconds;
  const change =
    seconds === shipped ? '—' : `${seconds < shipped ? '−' : '+'}${Math.round((100 * Math.abs(seconds - shipped)) / shipped)}%`;
  console.log(
    `| ${name} | ${seconds.toFixed(1)} | ${change} | ${mean(scores).toFixed(3)}, ${Math.min(...scores).toFixed(3)} | ${mean(stability).toFixed(3)} |`,
  );
}
