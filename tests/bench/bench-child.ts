/**
 * One measured job of `npm run bench`, in its own process so its peak RSS is
 * its own: `full <input> <out> <workers> [--add] [--no-topics]`, `segment <input> <workers>`
 * (the segment stage alone through segmentRecords, its workers started before the input is read, as in a run), `limit <input>` (the
 * bare segmenter over the same text), `topics-k <input> <k>` (the whole corpus's topics with k given,
 * on one thread, with their NMI against the labels where there are labels) or `cloud-one <database>`
 * (one cloud of the whole corpus from a run's database: its layout, SVG and PNG, the font cut included).
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { fittingLayout } from '../../src/export/wordcloud-layout.ts';
import { renderCloudPngs } from '../../src/export/wordcloud-png.ts';
import { CLOUD_SIZE, renderCloudSvg } from '../../src/export/wordcloud-svg.ts';
import { topicsOfScope } from '../../src/score/topics.ts';
import { nmi } from '../nmi.ts';
import { topicDocumentsOf } from '../topic-documents.ts';
import { fullCollection, limitHeapGrowth } from '../../src/cli/heap-growth.ts';
import { run } from '../../src/run.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { recordText } from '../../src/segment/document-terms.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { segmentRecords, startSegmentWorkers } from '../../src/segment/segment-records.ts';

const [mode, input, a, b] = process.argv.slice(2);
const records = (): { title: string; text: string }[] =>
  readFileSync(input!, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { title: string; text: string });
const rss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
if (mode === 'full') {
  // as the `hotwords` command runs it
  limitHeapGrowth();
  const t0 = performance.now();
  const flags = process.argv.slice(6);
  const s = await run({
    inputs: [input!],
    out: a!,
    workers: Number(b),
    fresh: !flags.includes('--add'),
    noTopics: flags.includes('--no-topics'),
    collectGarbage: fullCollection(),
  });
  console.log(
    JSON.stringify({ seconds: (performance.now() - t0) / 1000, timings: s.timings, records: s.counts.accepted, peakRssMb: rss() }),
  );
} else if (mode === 'segment') {
  // as in a run: the workers start first and load their dictionaries while this thread reads
  const started = startSegmentWorkers(Number(a) - 1, { lexiconOptions: {}, backend: 'node-rs' });
  const rs = records();
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  const t0 = performance.now();
  await segmentRecords(rs, segmenter, lexicon, { workers: Number(a), started, lexiconOptions: {}, backend: 'node-rs' });
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakRssMb: rss() }));
} else if (mode === 'limit') {
  const texts = records().map(recordText);
  const lexicon = loadLexicon({}, []);
  const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
  const t0 = performance.now();
  let tokens = 0;
  for (const t of texts) tokens += segmenter.cut(t).length;
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, tokens, peakRssMb: rss() }));
} else if (mode === 'topics-k') {
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
} else if (mode === 'cloud-one') {
  const db = new Database(input!, { readonly: true });
  const words = (
    db.prepare('SELECT term, docs FROM keywords WHERE category IS NULL AND year IS NULL AND rank <= 50 ORDER BY rank').all() as {
      term: string;
      docs: number;
    }[]
  ).map((w) => ({ text: w.term, value: w.docs }));
  db.close();
  const t0 = performance.now();
  const layout = fittingLayout(words, {
    width: CLOUD_SIZE.width - 20,
    height: CLOUD_SIZE.height - CLOUD_SIZE.top - CLOUD_SIZE.bottom,
    maxSize: 72,
    minSize: 13,
    maxValue: Math.max(...words.map((w) => w.value)),
    seed: 'hotwords',
  });
  const svg = renderCloudSvg({ title: '各年度 · 全部类别 · 建议热议词', caption: '', source: 'bench', color: '#34495e', layout });
  const [png] = await renderCloudPngs([svg], { threads: 1 });
  console.log(
    JSON.stringify({ seconds: (performance.now() - t0) / 1000, words: layout.placed.length, pngBytes: png!.length, peakRssMb: rss() }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
