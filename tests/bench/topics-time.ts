/**
 * `npm run bench:topics -- <sizeMb> [scope] [--rank N] [--restarts N]`: the
 * topics of every scope of the bench corpus of that size (bench-corpus.ts), or
 * of one scope (`category|year`, `null` for all: `null|null` is the whole
 * corpus), on this one thread, timed; with a hash of the result, so that a
 * change meant to keep every topic the same can show it did. The documents are
 * segmented first, as a run does. `--rank`, `--restarts` and `--search-restarts`
 * set the topics' three cost levers (TopicOptions lsaRank, finalRestarts and
 * searchRestarts; what they cost in quality: `npm run eval:topics`).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { topicScopeOrder } from '../../src/score/analyse-corpus.ts';
import { scopesOfDocuments } from '../../src/score/scopes.ts';
import { documentsInScope, joinScopeTopics, topicsOfScope } from '../../src/score/topics.ts';
import type { TopicOptions } from '../../src/score/topics.ts';
import { topicDocumentsOf } from '../topic-documents.ts';
import { benchMessages, writeBenchCorpus } from './bench-corpus.ts';

const USAGE = 'usage: npm run bench:topics -- <sizeMb> [category|year] [--rank N] [--restarts N] [--search-restarts N]';
const args = process.argv.slice(2);
const options: TopicOptions = { seed: 'hotwords' };
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const flag = args[i]!;
  if (flag === '--rank' || flag === '--restarts' || flag === '--search-restarts') {
    const n = Number(args[++i]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number ≥ 1 (${USAGE})`);
    if (flag === '--rank') options.lsaRank = n;
    else if (flag === '--restarts') options.finalRestarts = n;
    else options.searchRestarts = n;
  } else positional.push(flag);
}
const [size, only] = positional;
if (!size || !(Number(size) > 0) || positional.length > 2) throw new Error(USAGE);
const work = mkdtempSync(join(tmpdir(), 'hotwords-topics-'));
try {
  const path = join(work, 'corpus.jsonl');
  writeBenchCorpus(await benchMessages(), Number(size), path);
  const docs = await topicDocumentsOf((await readCorpus([path], {})).records);
  const scopes = topicScopeOrder(scopesOfDocuments(docs)).filter((s) => !only || `${s.category}|${s.year}` === only);
  if (scopes.length === 0) throw new Error(`no scope ${only} in the ${size} MB corpus`);
  const t0 = performance.now();
  const results = scopes.map((s) => topicsOfScope(s, documentsInScope(s, docs), 1, options));
  const seconds = (performance.now() - t0) / 1000;
  const hash = createHash('sha256')
    .update(JSON.stringify(joinScopeTopics(results)))
    .digest('hex')
    .slice(0, 16);
  const setting = Object.keys(options).length > 1 ? ` (${JSON.stringify(options)})` : '';
  console.log(
    `${docs.length} suggestions, ${scopes.length} scopes${setting}: topics on one thread ${seconds.toFixed(2)} s, result ${hash}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
