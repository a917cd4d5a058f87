/**
 * The bench's timed steps that start worker threads, run on the compiled code (dist/, what the
 * `hotwords` command runs): plain JavaScript started without tsx, so no thread loads a TypeScript
 * loader that users' runs never load (each worker started under tsx took about 45 ms more, and the
 * main thread compiled the sources). One of
 *   `full <corpus> <out> <workers> [--add] [--no-topics]`  the whole job, as the command runs it;
 *   `segment <corpus> <threads>`  the segment stage alone;
 *   `limit <corpus>`  bare jieba on one thread;
 *   `cloud-one <database>`  one cloud of the whole corpus: its layout, SVG and PNG, the font cut included.
 * Prints one JSON line. `npm run build` first (the bench does).
 */
import { readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { fullCollection, limitHeapGrowth } from '../../dist/cli/heap-growth.js';
import { fittingLayout } from '../../dist/export/wordcloud-layout.js';
import { renderCloudPngs } from '../../dist/export/wordcloud-png.js';
import { CLOUD_SIZE, renderCloudSvg } from '../../dist/export/wordcloud-svg.js';
import { run } from '../../dist/run.js';
import { createSegmenter } from '../../dist/segment/create-segmenter.js';
import { recordText } from '../../dist/segment/document-terms.js';
import { loadLexicon } from '../../dist/segment/lexicon.js';
import { segmentRecords, startSegmentWorkers } from '../../dist/segment/segment-records.js';

const [mode, input, a, b] = process.argv.slice(2);
const records = () =>
  readFileSync(input, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
if (mode === 'full') {
  // as the command does for its input
  limitHeapGrowth(statSync(input).size);
  const t0 = performance.now();
  const flags = process.argv.slice(6);
  const s = await run({
    inputs: [input],
    out: a,
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
} else if (mode === 'cloud-one') {
  const db = new Database(input, { readonly: true });
  const words = db
    .prepare('SELECT term, docs FROM keywords WHERE category IS NULL AND year IS NULL AND rank <= 50 ORDER BY rank')
    .all()
    .map((w) => ({ text: w.term, value: w.docs }));
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
    JSON.stringify({ seconds: (performance.now() - t0) / 1000, words: layout.placed.length, pngBytes: png.length, peakRssMb: rss() }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
