/**
 * One measured job of `npm run bench`, in its own process so its peak RSS is
 * its own: `full <input> <out> <workers> [--add] [--no-topics]`, `segment <input> <workers>`
 * (the segment stage alone through segmentRecords, its workers started before the input is read, as in a run) or `limit <input>` (the
 * bare segmenter over the same text). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
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
} else {
  throw new Error(`unknown mode ${mode}`);
}
