import { existsSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { SourceFileSummary } from './corpus/read-corpus.ts';
import { readCorpus } from './corpus/read-corpus.ts';
import type { Diagnostic } from './diagnostics.ts';
import { FatalError } from './diagnostics.ts';
import { say } from './messages.ts';
import { buildJsonExports } from './export/d3-json.ts';
import { writeJsonExports } from './export/json-files.ts';
import type { CloudFile } from './export/wordclouds.ts';
import { writeWordClouds } from './export/wordclouds.ts';
import { writeRejects } from './export/rejects-jsonl.ts';
import { writeReport } from './export/report-html.ts';
import { briefingChartSvgs, briefingOf, writeBriefing } from './export/briefing-files.ts';
import { briefingTexts } from './export/briefing-text.ts';
import { lockOut } from './export/out-lock.ts';
import type { Generation } from './export/generations.ts';
import { beginGeneration, discardGeneration, publishGeneration, publishedPath } from './export/generations.ts';
import { previousPngs } from './export/png-reuse.ts';
import { Store } from './export/sqlite.ts';
import { dictionaryKey } from './export/stored-corpus.ts';
import { sameDocumentRow } from './export/sqlite-rows.ts';
import { segmentationKey } from './segment/segmentation-key.ts';
import type { SegmentWorker } from './segment/segment-records.ts';
import { segmentRecords, startSegmentWorkers } from './segment/segment-records.ts';
import { startTopics } from './score/parallel-topics.ts';
import { scopeContentHashes, scoreCodeHash } from './score/topic-reuse.ts';
import { dictionaryGapsKey } from './score/gap-reuse.ts';
import { recordText } from './segment/document-terms.ts';
import { scopesOfDocuments } from './score/scopes.ts';
import { packageVersions } from './package-versions.ts';
import type { CorpusAnalysis, CountedDocument } from './score/analyse-corpus.ts';
import { analyseCorpus, dictionaryGateOf, refusedTopicNames, topicDocuments, topicScopeOrder } from './score/analyse-corpus.ts';
import { loadBackgroundIdf } from './segment/background-idf.ts';
import { loadCivicBackground } from './segment/civic-background.ts';
import { loadTagFixes, loadTitleFrames } from './segment/title-frames.ts';
import { createSegmenter } from './segment/create-segmenter.ts';
import { loadLexicon } from './segment/lexicon.ts';
import { compareIds } from './corpus/record.ts';
import type { Curation } from './segment/dictionary-files.ts';
import { readCuration } from './segment/dictionary-files.ts';
import { curatedDocuments } from './score/curated-documents.ts';
import type { PlanOptions, RunPlan } from './run-plan.ts';
import { planRun } from './run-plan.ts';

/** What a run is asked to do: the settings (PlanOptions, resolved by planRun), the inputs and where the results go. */
export interface RunOptions extends PlanOptions {
  inputs: readonly string[];
  /** Output folder; created if missing. */
  out: string;
  /**
   * Called as the run goes (for progress lines): each stage — read (rows), segment
   * (records), score (scopes), store, topics (scopes), clouds (panels), report, briefing (files) —
   * ends with done = total.
   */
  onProgress?: (p: { stage: RunStage; done: number; total: number }) => void;
  /**
   * A full garbage collection, called once scoring is done, before this thread stores the scores
   * and joins the topic workers: its garbage then does not sit beside the largest scopes' matrices
   * (the `hotwords` command passes V8's, `cli/heap-growth.ts`; without it the run is the same, its
   * peak higher).
   */
  collectGarbage?: () => void;
  /**
   * Stops the run (SIGINT/SIGTERM in the CLI): it ends at its next step with a FatalError
   * `run/interrupted`, its generation removed, the folder as it was.
   */
  signal?: AbortSignal;
  /**
   * The analyst's curation file (words to drop or merge in every list, dictionary-files.ts
   * readCuration); undefined: `<out>/curation.txt` when it exists; null: none.
   */
  curation?: string | null;
}

/** The stages a run reports (RunOptions.onProgress), in order. */
export type RunStage = 'read' | 'segment' | 'score' | 'store' | 'topics' | 'clouds' | 'report' | 'briefing';

export interface RunSummary {
  counts: { read: number; accepted: number; rejected: number };
  /**
   * Documents in the database after the run: `kept` from earlier runs (of files not given now) plus
   * `added` (accepted now). Of the stored ones of the files given again, `unchanged` were read again
   * exactly as stored and keep their counts and rows; the other `replaced` ones are gone or rewritten.
   */
  documents: { kept: number; added: number; replaced: number; unchanged: number };
  files: SourceFileSummary[];
  diagnostics: Diagnostic[];
  outputs: { database: string; rejects: string; json: string[]; clouds: CloudFile[]; report: string | null; briefing: string[] };
  timings: Record<string, number>;
  seconds: number;
}

/**
 * The batch job: read the inputs, segment every accepted record, and write
 * `hotwords.sqlite`, `rejects.jsonl` and the exports to `out`, all of them
 * into a new generation that becomes visible at once when it is complete
 * (generations.ts). Sessions accumulate: the documents of earlier runs stay
 * in the database (never segmented again), an input file given again replaces
 * its documents, and every statistic is recomputed over all of them. Rejected
 * rows do not stop a run; an input that cannot be read at all, a missing
 * dictionary or a run with no accepted record throws FatalError (its rejects
 * written to `rejects.failed.jsonl`). A run that fails, is stopped or dies
 * leaves the previous database and exports as they were.
 */
export async function run(options: RunOptions): Promise<RunSummary> {
  // one run writes to a folder at a time: taken before anything is read or written
  const lock = lockOut(options.out);
  try {
    const generation = beginGeneration(options.out);
    try {
      const summary = await lockedRun(options, generation);
      rmSync(join(options.out, FAILED_REJECTS), { force: true });
      return summary;
    } catch (e) {
      discardGeneration(generation);
      throw e;
    }
  } finally {
    lock.release();
  }
}

/** Where a run that fails leaves its rejects (the published `rejects.jsonl` stays the last finished run's). */
export const FAILED_REJECTS = 'rejects.failed.jsonl';

async function lockedRun(options: RunOptions, generation: Generation): Promise<RunSummary> {
  refuseSharedNames(options.inputs);
  const plan = planRun(options, {
    inputBytes: inputBytes(options.inputs),
    cores: availableParallelism(),
  });
  // segmentation workers load their dictionaries while this thread reads the input
  const early = startSegmentWorkers(plan.threads.segment - 1, { lexiconOptions: plan.lexicon, backend: plan.backend, hmm: plan.hmm });
  try {
    return await runJob(options, plan, early, generation);
  } finally {
    await Promise.all(early.map(({ worker }) => worker.terminate()));
  }
}

/**
 * The database keys suggestions by their file's name (a file given again replaces its suggestions,
 * default ids are `name:line`): two inputs of one run with one name in different folders would
 * take each other's ids and rows, so the run stops before reading, naming both.
 */
function refuseSharedNames(inputs: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const f of inputs) {
    const other = seen.get(basename(f));
    if (other !== undefined && resolve(other) !== resolve(f)) {
      throw new FatalError({
        file: f,
        line: 0,
        source: 'corpus',
        ruleId: 'corpus/same-file-name',
        ...say('corpus/same-file-name', { other }),
      });
    }
    seen.set(basename(f), f);
  }
}

/** Bytes of the input files; a missing one is reported by readCorpus (and counts 0 here). */
export function inputBytes(inputs: readonly string[]): number {
  let bytes = 0;
  for (const f of inputs) {
    try {
      bytes += statSync(f).size;
    } catch {
      // reported by readCorpus
    }
  }
  return bytes;
}

async function runJob(options: RunOptions, plan: RunPlan, early: SegmentWorker[], generation: Generation): Promise<RunSummary> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  // seconds per stage, each stage's own: a stage timed inside another (the word gate and themes
  // inside scoring) is not counted again in it, so the stages and `other` add up to `wall`
  const timings: Record<string, number> = {};
  const inner: number[] = [];
  const time = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    inner.push(0);
    try {
      return f();
    } finally {
      const spent = performance.now() - t0;
      timings[stage] = round3((timings[stage] ?? 0) + (spent - inner.pop()!) / 1000);
      if (inner.length > 0) inner[inner.length - 1]! += spent;
    }
  };
  const diagnostics: Diagnostic[] = [];
  const stopped = (): void => throwIfStopped(options.signal, options.out);
  const progress = (stage: RunStage, done: number, total: number): void => options.onProgress?.({ stage, done, total });
  const lexicon = time('dictionaries', () => loadLexicon(plan.lexicon, diagnostics));
  const curation = loadCuration(options, diagnostics);
  const segmenter = time('load-segmenter', () => createSegmenter({ backend: plan.backend, userWords: lexicon.userWords, hmm: plan.hmm }));
  // the paths a reader opens (links into the generation once it is published)
  const published = (path: string): string => publishedPath(options.out, generation, path);
  const outputs = {
    database: join(options.out, 'hotwords.sqlite'),
    rejects: join(options.out, 'rejects.jsonl'),
    json: [] as string[],
    clouds: [] as CloudFile[],
    report: null as string | null,
    briefing: [] as string[],
  };
  const failedRejects = join(options.out, FAILED_REJECTS);

  const store = Store.open(generation.database, { from: outputs.database, fresh: plan.fresh, threads: plan.threads.sqlite });
  // the earlier run's images may be taken where this run makes the same SVGs with the same packages
  const versions = packageVersions();
  const samePackages = store.stored.lastPackages() === JSON.stringify(versions.packages);
  // how this run's counts are made: stored counts made the same way are taken as they are
  const segmentation = segmentationKey({
    backend: plan.backend,
    hmm: plan.hmm,
    dictionaries: dictionaryKey(lexicon.files),
    packages: { '@node-rs/jieba': versions.packages['@node-rs/jieba']!, nodejieba: versions.packages.nodejieba! },
  });
  // Reading, segmenting, scoring and storing. Only what the files written after it need comes
  // out: the documents and the rest of the analysis go before the clouds and the report (at 97 MB
  // the heap those hold is most of the run's peak there).
  const analyseAndStore = async () => {
    const replaced = [...new Set(options.inputs.map((f) => basename(f)))];
    const stored = time('load-stored', () => store.stored.documents());
    const kept = stored.filter((d) => !replaced.includes(d.record.origin.file));
    // the stored suggestions of the files given again, by id: one read again unchanged keeps its
    // stored counts (and its rows) when they were made as this run would make them
    const again = new Map(
      store.stored.lastSegmentation() === segmentation
        ? stored.filter((d) => replaced.includes(d.record.origin.file)).map((d) => [d.record.id, d])
        : [],
    );
    const t0 = performance.now();
    const corpus = await readCorpus(options.inputs, {
      map: plan.map,
      sheet: plan.sheets,
      knownIds: new Map(kept.map((d) => [d.record.id, d.record.origin])),
    });
    timings.read = round3((performance.now() - t0) / 1000);
    progress('read', corpus.counts.read, corpus.counts.read);
    for (const d of corpus.diagnostics) diagnostics.push(d); // one per row at most: too many for push(...)
    const fileProblems = corpus.diagnostics.filter((d) => d.fatal);
    const fails = fileProblems.length > 0 || (plan.strict && corpus.rejects.length > 0) || corpus.counts.accepted === 0;
    writeRejects(fails ? failedRejects : generation.rejects, corpus.rejects, fileProblems);
    if (fileProblems.length > 0) {
      throw new FatalError({
        ...fileProblems[0]!,
        ...(fileProblems.length > 1 ? say('corpus/more-input-problems', { reason: fileProblems[0]!, n: fileProblems.length - 1 }) : {}),
      });
    }
    if (plan.strict && corpus.rejects.length > 0) {
      const r = corpus.rejects[0]!;
      throw new FatalError({
        file: r.file,
        line: r.line,
        source: 'corpus',
        ruleId: r.ruleId,
        ...say('corpus/strict', { reason: r, n: corpus.rejects.length, file: failedRejects }),
      });
    }
    if (corpus.counts.accepted === 0) {
      throw new FatalError({
        file: options.inputs.join(', '),
        line: 0,
        source: 'corpus',
        ruleId: 'corpus/no-records',
        ...say('corpus/no-records', { n: corpus.counts.rejected, file: failedRejects }),
      });
    }
    const lastDictionaries = store.stored.lastDictionaries();
    if (kept.length > 0 && lastDictionaries !== null && lastDictionaries !== dictionaryKey(lexicon.files)) {
      diagnostics.push({
        file: outputs.database,
        line: 0,
        source: 'segment',
        ruleId: 'segment/stale-counts',
        fatal: false,
        ...say('segment/stale-counts', { n: kept.length }),
      });
    }
    stopped();
    const t1 = performance.now();
    // segmented in id order, the order everything after works in: the count tables' rows are then
    // the documents' order in a new run, and no stage copies them into that order
    const records = [...corpus.records].sort(byId);
    const unchanged = new Map<string, CountedDocument>();
    for (const r of records) {
      const before = again.get(r.id);
      if (before && sameDocumentRow(before.record, r)) unchanged.set(r.id, { record: r, terms: before.terms, pairs: before.pairs });
    }
    const toSegment = unchanged.size === 0 ? records : records.filter((r) => !unchanged.has(r.id));
    const counted = await segmentRecords(toSegment, segmenter, lexicon, {
      workers: plan.threads.segment,
      started: early,
      backend: plan.backend,
      hmm: plan.hmm,
      lexiconOptions: plan.lexicon,
      onProgress: options.onProgress ? (done, total) => progress('segment', done, total) : undefined,
    });
    timings.segment = round3((performance.now() - t1) / 1000);
    stopped();
    let at = 0;
    const added: CountedDocument[] = records.map((record) => unchanged.get(record.id) ?? { record, ...counted[at++]! });
    // results never depend on the order the inputs were given in: documents are analysed by id
    // (only which of two rows with one id is kept depends on it: the first read wins)
    const all = [...kept, ...added].sort((x, y) => byId(x.record, y.record));
    // topics start first, on worker threads, and run while this thread scores and stores the scores
    // (it then joins them): a scope's topics depend only on its documents and the seed
    const t3 = performance.now();
    const scopes = topicScopeOrder(scopesOfDocuments(all.map((d) => d.record)));
    const topicOptions = { topics: typeof plan.topics === 'number' ? plan.topics : undefined, seed: plan.seed };
    // the lists as the analyst curated them (merged words counted as one); the stored counts stay
    const curated = curatedDocuments(all, curation?.merge ?? new Map());
    // the dictionary gaps of the same texts, counted the same way by the same code, are the stored ones
    // the code the topics and the gaps are keyed by, hashed once
    const codeHash = scoreCodeHash();
    const gapsKey = plan.dictionaryGaps
      ? time('dictionary-gaps', () =>
          dictionaryGapsKey(
            all.map((d) => ({ id: d.record.id, text: recordText(d.record) })),
            segmentation,
            codeHash,
          ),
        )
      : null;
    const gapsStored = gapsKey !== null && store.stored.lastDictionaryGaps() === gapsKey;
    if (gapsStored)
      diagnostics.push({
        file: outputs.database,
        line: 0,
        source: 'score',
        ruleId: 'score/dictionary-gaps-reused',
        ...say('score/dictionary-gaps-reused', {}),
      });
    const topicDocs = topicDocuments(curated);
    const backgroundIdf = time('load-idf', () => loadBackgroundIdf());
    const civic = time('load-idf', () => loadCivicBackground());
    const titleFrames = time('dictionaries', () => loadTitleFrames(undefined, diagnostics));
    const tagFixes = time('dictionaries', () => loadTagFixes(undefined, diagnostics));
    // the word gate's verdicts from the dictionaries: topic names now, the hot words' gate later
    const dictionaryGate = dictionaryGateOf(lexicon, segmenter, { backgroundIdf, civic, titleFrames, tagFixes });
    // words the gate refuses (or the analyst drops) never name a topic
    const refusedNames =
      plan.topics === null ? new Set<string>() : time('word-gate', () => refusedTopicNames(topicDocs, dictionaryGate, curation?.drop));
    // a scope whose suggestions, counts and settings are those of a stored scope gets its stored topics
    const scopeHashes =
      plan.topics === null ? null : time('topic-hashes', () => scopeContentHashes(scopes, topicDocs, topicOptions, codeHash, refusedNames));
    const storedTopics = scopeHashes === null ? null : time('load-stored', () => store.stored.topicsByHash());
    const topicsFound =
      scopeHashes === null
        ? null
        : startTopics(scopes, topicDocs, topicOptions, plan.threads.topics, { hashes: scopeHashes, stored: storedTopics! }, refusedNames);
    let analysis: CorpusAnalysis;
    try {
      analysis = analyseCorpus(curated, lexicon, segmenter, {
        dropped: curation?.drop,
        backgroundIdf,
        civic,
        titleFrames,
        tagFixes,
        dictionaryGate,
        time,
        keywordsPerScope: plan.keywordsPerScope,
        evidenceTop: plan.evidenceTop,
        dictionaryGaps: plan.dictionaryGaps && !gapsStored,
        topics: null,
      });
      stopped();
      progress('score', analysis.scopes.length, analysis.scopes.length);
      if (topicsFound) options.collectGarbage?.();
      // the workers go on clustering while this thread stores what is scored (at 97 MB a fifth of
      // the run; it was the run's longest stretch on one core), then it joins them
      time('export', () =>
        store.writeScored(replaced, added, analysis, { unchanged: new Set(unchanged.keys()), keepDictionaryGaps: gapsStored }),
      );
      progress('store', added.length, added.length);
    } catch (e) {
      await topicsFound?.cancel();
      throw e;
    }
    if (topicsFound) {
      const waited = performance.now();
      const found = await topicsFound.finish();
      timings['topics-wait'] = round3((performance.now() - waited) / 1000);
      stopped();
      Object.assign(analysis, { topics: found.topics, documentTopics: found.assignments, topicScopes: found.notes });
      if (found.reused > 0) {
        diagnostics.push({
          file: outputs.database,
          line: 0,
          source: 'score',
          ruleId: 'score/topics-reused',
          ...say('score/topics-reused', { reused: found.reused, scopes: scopes.length }),
        });
      }
      // seconds from the start of topics to the end of the last clustering, on any thread (overlapping
      // scoring and storing); none when every scope's topics were the stored ones
      timings.topics = found.clusteredUntil === null ? 0 : round3(Math.max(0, found.clusteredUntil - (performance.timeOrigin + t3)) / 1000);
      progress('topics', scopes.length, scopes.length);
    }
    time('export', () => {
      store.finishRun(analysis, corpus.rejects, scopeHashes, {
        startedAt,
        finishedAt: new Date().toISOString(),
        toolVersion: versions.tool,
        parameters: {
          ...parametersOf(plan),
          segmentation,
          dictionaryGapsKey: gapsKey,
          curation:
            curation === null
              ? null
              : {
                  file: basename(curation.file.path),
                  sha256: curation.file.sha256,
                  dropped: curation.drop.size,
                  merged: curation.merge.size,
                },
        },
        inputs: corpus.files.map((f) => ({ ...f, file: basename(f.file) })),
        dictionaries: lexicon.files.map((f) => ({ ...f, path: basename(f.path) })),
        packages: versions.packages,
        counts: corpus.counts,
        timings,
      });
      store.commit();
    });
    const sources = [...new Set(all.map((d) => basename(d.record.origin.file)))].sort();
    const exports = buildJsonExports(curated, analysis, sources);
    return {
      exports,
      sources,
      hotWords: { keywords: analysis.keywords, themes: analysis.themes, scopes: analysis.scopes },
      briefing: briefingOf(
        all.map(({ record: r }) => ({ id: r.id, title: r.title, year: r.year, category: r.category, session: r.session })),
        analysis,
      ),
      counts: corpus.counts,
      files: corpus.files,
      documents: {
        kept: kept.length,
        added: added.length,
        replaced: stored.length - kept.length - unchanged.size,
        unchanged: unchanged.size,
      },
    };
  };
  let done: Awaited<ReturnType<typeof analyseAndStore>>;
  try {
    done = await analyseAndStore();
  } catch (e) {
    store.abort();
    throw e;
  }
  const { exports, sources } = done;
  stopped();
  outputs.json = time('json', () => writeJsonExports(generation.json, exports)).map(published);
  let clouds: CloudFile[] = [];
  // the briefing's charts are rendered to PNG with the clouds (one cut of the font, one set of workers)
  let chartPngs: Buffer[] | undefined;
  if (plan.clouds !== 'none') {
    const t2 = performance.now();
    const drawn = await writeWordClouds(generation.clouds, done.hotWords, {
      sources,
      png: plan.clouds === 'svg+png',
      seed: plan.seed,
      threads: plan.threads.clouds,
      signal: options.signal,
      onPanel: (done, total) => progress('clouds', done, total),
      extra: briefingChartSvgs(done.briefing.input, sources).map((c) => ({
        svg: c.svg,
        name: join(generation.briefing, 'charts', c.name),
      })),
      reusePng: previousPngs(options.out, generation, samePackages),
    }).catch((e: unknown) => {
      stopped();
      throw e;
    });
    clouds = drawn.files;
    if (drawn.pngsReused > 0) {
      diagnostics.push({
        file: generation.clouds,
        line: 0,
        source: 'export',
        ruleId: 'export/images-reused',
        ...say('export/images-reused', { reused: drawn.pngsReused, images: drawn.files.length + drawn.extraPngs.length }),
      });
    }
    chartPngs = plan.clouds === 'svg+png' ? drawn.extraPngs : undefined;
    timings.clouds = round3((performance.now() - t2) / 1000);
    stopped();
  }
  outputs.report = time('report', () =>
    writeReport(
      generation.report,
      exports,
      clouds.filter((c) => c.png !== null).map((c) => ({ ...c.scope, png: c.png! })),
      briefingTexts(done.briefing.input),
    ),
  );
  outputs.clouds = clouds.map((c) => ({ ...c, svg: published(c.svg), png: c.png === null ? null : published(c.png) }));
  outputs.report = published(outputs.report);
  progress('report', 1, 1);
  const t4 = performance.now();
  outputs.briefing = (
    await writeBriefing(
      generation.briefing,
      done.briefing.input,
      done.briefing.tables,
      plan.clouds === 'none' ? null : { png: plan.clouds === 'svg+png', threads: plan.threads.clouds, sources, pngs: chartPngs },
    )
  ).map(published);
  timings.briefing = round3((performance.now() - t4) / 1000);
  progress('briefing', outputs.briefing.length, outputs.briefing.length);
  for (const c of outputs.clouds.filter((f) => f.unplaced.length > 0)) {
    diagnostics.push({
      file: c.svg,
      line: 0,
      source: 'export',
      ruleId: 'export/cloud-unplaced',
      fatal: false,
      ...say('export/cloud-unplaced', { n: c.unplaced.length, words: c.unplaced.join('、') }),
    });
  }
  // `topics` overlaps scoring and storing (the workers cluster meanwhile); what this thread spent on
  // them is `topics-wait`. The rest, the stages and `other` (opening, locking, small steps), add up to `wall`
  const wall = (performance.now() - started) / 1000;
  const staged = Object.entries(timings).reduce((sum, [stage, s]) => (stage === 'topics' ? sum : sum + s), 0);
  timings.other = round3(Math.max(0, wall - staged));
  timings.wall = round3(wall);
  Store.recordTimings(generation.database, timings);
  // everything of the run is written: from here on it is the folder's (a stop now comes too late)
  stopped();
  publishGeneration(options.out, generation);
  return {
    counts: done.counts,
    documents: done.documents,
    files: done.files,
    diagnostics,
    outputs,
    timings,
    seconds: round3((performance.now() - started) / 1000),
  };
}

/**
 * What `runs.parameters` records of a plan: every setting but the dictionary paths (the run's
 * `dictionaries` holds them, with their hashes).
 */
function parametersOf(plan: RunPlan): Record<string, unknown> {
  const { lexicon: _paths, ...rest } = plan;
  return { ...rest, noBundledDictionaries: plan.lexicon.noBundled ?? false };
}

/** The curation file the run uses (options.curation), said in an info line; null when there is none. */
function loadCuration(options: RunOptions, diagnostics: Diagnostic[]): Curation | null {
  const standing = join(options.out, CURATION_FILE);
  const path = options.curation === undefined ? (existsSync(standing) ? standing : null) : options.curation;
  if (path === null) return null;
  const curation = readCuration(path, diagnostics);
  diagnostics.push({
    file: path,
    line: 0,
    source: 'config',
    ruleId: 'config/curation',
    ...say('config/curation', { dropped: curation.drop.size, merged: curation.merge.size }),
  });
  return curation;
}

/** The curation file a run reads from its output folder by default. */
export const CURATION_FILE = 'curation.txt';

/** A stopped run (options.signal) ends here, at one of its steps, as a FatalError. */
function throwIfStopped(signal: AbortSignal | undefined, out: string): void {
  if (signal?.aborted !== true) return;
  throw new FatalError({
    file: out,
    line: 0,
    source: 'run',
    ruleId: 'run/interrupted',
    ...say('run/interrupted', { signal: String(signal.reason ?? 'abort') }),
  });
}

function byId(x: { id: string }, y: { id: string }): number {
  return compareIds(x.id, y.id);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
