import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FieldMap } from './corpus/field-map.ts';
import type { SourceFileSummary } from './corpus/read-corpus.ts';
import { readCorpus } from './corpus/read-corpus.ts';
import type { Diagnostic } from './diagnostics.ts';
import { FatalError } from './diagnostics.ts';
import { writeRejects } from './export/rejects-jsonl.ts';
import { writeDatabase } from './export/sqlite.ts';
import { packageVersions } from './package-versions.ts';
import { hotWords } from './score/hot-words.ts';
import { loadBackgroundIdf } from './segment/background-idf.ts';
import { distribution } from './score/distribution.ts';
import { createSegmenter } from './segment/create-segmenter.ts';
import { documentCounts } from './segment/document-terms.ts';
import { findPhrases, phraseIndex, withPhrases } from './score/phrases.ts';
import { findDictionaryGaps } from './score/dictionary-gaps.ts';
import { keywordEvidence } from './score/evidence.ts';
import { trends } from './score/trends.ts';
import { gapExclusion } from './segment/gap-filter.ts';
import { findSplitTerms } from './segment/split-terms.ts';
import { recordText } from './segment/document-terms.ts';
import type { LexiconOptions } from './segment/lexicon.ts';
import { loadLexicon } from './segment/lexicon.ts';
import type { SegmenterBackend } from './segment/segmenter.ts';

export interface RunOptions extends LexiconOptions {
  inputs: readonly string[];
  /** Output folder; created if missing. */
  out: string;
  map?: FieldMap;
  sheet?: string;
  segmenter?: SegmenterBackend;
  hmm?: boolean;
  /** Hot words kept per scope (default 100); the first `evidenceTop` get their suggestions listed (default 50). */
  keywordsPerScope?: number;
  evidenceTop?: number;
  /** Skip the dictionary-gap report (the slowest part of scoring on large corpora). */
  noDictGaps?: boolean;
  /** Called as records are segmented (for a progress line). */
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
}

export interface RunSummary {
  counts: { read: number; accepted: number; rejected: number };
  files: SourceFileSummary[];
  diagnostics: Diagnostic[];
  outputs: { database: string; rejects: string };
  timings: Record<string, number>;
  seconds: number;
}

/**
 * The batch job: read the inputs, segment every accepted record, rank hot
 * words per scope, and write `hotwords.sqlite` and `rejects.jsonl` to `out`.
 * Rejected rows do not stop a run; an input that cannot be read at all, a
 * missing dictionary or a run with no accepted record throws FatalError
 * (after writing the rejects) and leaves the previous database untouched.
 */
export async function run(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    timings[stage] = round3((performance.now() - t0) / 1000);
    return r;
  };
  const diagnostics: Diagnostic[] = [];
  const lexicon = await time('dictionaries', () => loadLexicon(options, diagnostics));
  const backend = options.segmenter ?? 'node-rs';
  const segmenter = await time('load-segmenter', () => createSegmenter({ backend, userWords: lexicon.userWords, hmm: options.hmm }));
  const corpus = await time('read', () => readCorpus(options.inputs, { map: options.map, sheet: options.sheet }));
  diagnostics.push(...corpus.diagnostics);

  mkdirSync(options.out, { recursive: true });
  const outputs = { database: join(options.out, 'hotwords.sqlite'), rejects: join(options.out, 'rejects.jsonl') };
  const fileProblems = corpus.diagnostics.filter((d) => d.fatal);
  writeRejects(outputs.rejects, corpus.rejects, fileProblems);
  if (fileProblems.length > 0) {
    throw new FatalError({ ...fileProblems[0]!, reason: `${fileProblems[0]!.reason}${fileProblems.length > 1 ? ` (and ${fileProblems.length - 1} more input problems)` : ''}` });
  }
  if (corpus.counts.accepted === 0) {
    throw new FatalError({ file: options.inputs.join(', '), line: 0, source: 'corpus', ruleId: 'corpus/no-records', reason: `no records accepted (${corpus.counts.rejected} rejected; see ${outputs.rejects})` });
  }

  const documents = await time('segment', () => {
    const total = corpus.records.length;
    return corpus.records.map((record, i) => {
      if (options.onProgress && (i % 500 === 0 || i === total - 1)) options.onProgress({ stage: 'segment', done: i + 1, total });
      return { record, ...documentCounts(record, segmenter, lexicon) };
    });
  });
  const backgroundIdf = await time('load-idf', () => loadBackgroundIdf());
  const scores = await time('score', () => {
    const phrases = findPhrases(documents.map((d) => d.pairs));
    const index = phraseIndex(phrases);
    const scoring = documents.map((d) => ({ category: d.record.category, year: d.record.year, terms: withPhrases(d.terms, d.pairs, index) }));
    const hot = hotWords(scoring, { backgroundIdf, limit: options.keywordsPerScope ?? 100 });
    const tracked = new Set(hot.keywords.map((k) => `${k.category ?? ''}\u0001${k.term}`));
    const yearly = trends(scoring, { track: (category, term) => tracked.has(`${category ?? ''}\u0001${term}`) });
    const aliases = new Map<string, string[]>();
    for (const [alias, canonical] of lexicon.synonyms) aliases.set(canonical, [...(aliases.get(canonical) ?? []), alias]);
    const evidenceTop = options.evidenceTop ?? 50;
    const evidence = keywordEvidence(
      hot.keywords.filter((k) => k.rank <= evidenceTop),
      documents.map((d, i) => ({ id: d.record.id, category: d.record.category, year: d.record.year, text: recordText(d.record), terms: scoring[i]!.terms })),
      (term) => [term, ...(aliases.get(term) ?? [])],
    );
    return { phrases, hot, yearly, evidence };
  });
  const gaps = await time('dictionary-gaps', () => {
    if (options.noDictGaps) return { candidates: [], splits: [] };
    const texts = documents.map((d) => ({ id: d.record.id, text: recordText(d.record) }));
    return { candidates: findDictionaryGaps(texts, gapExclusion(lexicon, segmenter), { limit: 200 }), splits: findSplitTerms(texts, segmenter, lexicon) };
  });
  const versions = packageVersions();
  await time('export', () =>
    writeDatabase(outputs.database, {
      documents,
      scopes: scores.hot.scopes,
      keywords: scores.hot.keywords,
      evidence: scores.evidence,
      trends: scores.yearly.trends,
      emerging: scores.yearly.emerging,
      phrases: scores.phrases,
      dictionaryCandidates: gaps.candidates,
      dictionarySplits: gaps.splits,
      distribution: distribution(corpus.records),
      rejects: corpus.rejects,
      run: {
        startedAt,
        finishedAt: new Date().toISOString(),
        toolVersion: versions.tool,
        parameters: { map: options.map ?? {}, sheet: options.sheet ?? null, segmenter: backend, hmm: options.hmm ?? true },
        inputs: corpus.files.map((f) => ({ ...f, file: basename(f.file) })),
        dictionaries: lexicon.files.map((f) => ({ ...f, path: basename(f.path) })),
        packages: versions.packages,
        counts: corpus.counts,
        timings,
      },
    }));
  return { counts: corpus.counts, files: corpus.files, diagnostics, outputs, timings, seconds: round3((performance.now() - started) / 1000) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
