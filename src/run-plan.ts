import type { FieldMap } from './corpus/field-map.ts';
import type { SheetChoice } from './corpus/workbook-source.ts';
import type { LexiconOptions } from './segment/lexicon.ts';
import type { SegmenterBackend } from './segment/segmenter.ts';

/** The seed of every seeded choice a run makes, unless the caller gives one. */
export const DEFAULT_SEED = 'hotwords';

/** Input from which segmentation runs on every core: about 4,000 suggestions (below, starting workers costs more than it saves). */
const SEGMENT_PARALLEL_BYTES = 4_000_000;

/** What decides a plan besides the options: measured before anything starts. */
export interface PlanFacts {
  /** Bytes of the input files (a missing one counts 0: the corpus stage reports it). */
  inputBytes: number;
  /** Cores this process may use. */
  cores: number;
}

/**
 * Every default of a run, resolved once by `planRun`: the stages receive the
 * plan and decide nothing themselves, and `runs.parameters` records it. None
 * of the thread counts changes a result, only how long it takes.
 */
export interface RunPlan {
  /** Column of each field (`--map`); unmapped fields use the usual headers. */
  map: FieldMap;
  /** Workbook sheets: `[]` the first, names, or `['all']`. */
  sheets: SheetChoice;
  lexicon: LexiconOptions;
  backend: SegmenterBackend;
  hmm: boolean;
  /**
   * Seed of topic clustering and of the cloud layouts (the dictionary-gap sample keeps a seed of
   * its own, so that another layout never changes the dictionary candidates).
   */
  seed: string;
  fresh: boolean;
  strict: boolean;
  keywordsPerScope: number;
  evidenceTop: number;
  /** Topics per scope: null none, 'auto' chosen per scope, or a fixed number. */
  topics: null | 'auto' | number;
  dictionaryGaps: boolean;
  /** Word clouds: none, SVG only, or SVG and PNG. */
  clouds: 'none' | 'svg' | 'svg+png';
  threads: {
    /** Threads that segment, this one included (nodejieba: always 1, one dictionary set a process). */
    segment: number;
    /** Topic worker threads. */
    topics: number;
    /** Threads rendering cloud PNGs. */
    clouds: number;
    /** Threads SQLite may sort with. */
    sqlite: number;
  };
}

/** A run's settings, each optional: `planRun` gives each its default. */
export interface PlanOptions extends LexiconOptions {
  /** Source column of each field; unmapped fields use the usual headers. */
  map?: FieldMap;
  /** Workbook sheets: a name, several, or `all` (default: the first sheet). */
  sheet?: string | readonly string[];
  segmenter?: SegmenterBackend;
  hmm?: boolean;
  /** Threads of every stage (default: one per core where the work is big enough; results are the same for any number). */
  workers?: number;
  /** Start a new database instead of adding to the one in `out`. */
  fresh?: boolean;
  /** Treat the first rejected row as fatal: nothing is written but rejects.jsonl. */
  strict?: boolean;
  /** Hot words kept per scope (default 100); the first `evidenceTop` get their suggestions listed (default 50). */
  keywordsPerScope?: number;
  evidenceTop?: number;
  /** Skip the word clouds, or their PNG copies. */
  noClouds?: boolean;
  noPng?: boolean;
  /** Seed of topic clustering and of the cloud layouts (default "hotwords"). */
  seed?: string;
  /** Topics per scope: a fixed number (default: chosen per scope), or none. */
  topics?: number;
  noTopics?: boolean;
  /** Skip the dictionary-gap report (the slowest part of scoring on large corpora). */
  noDictGaps?: boolean;
}

/** Resolve every default of a run from its options and the facts measured before it starts. */
export function planRun(options: PlanOptions, facts: PlanFacts): RunPlan {
  const backend = options.segmenter ?? 'node-rs';
  const all = Math.max(1, facts.cores);
  const given = options.workers === undefined ? null : Math.max(1, options.workers);
  return {
    map: options.map ?? {},
    sheets: options.sheet === undefined ? [] : typeof options.sheet === 'string' ? [options.sheet] : [...options.sheet],
    lexicon: { dicts: options.dicts, stopwords: options.stopwords, synonyms: options.synonyms, noBundled: options.noBundled },
    backend,
    hmm: options.hmm ?? true,
    seed: options.seed ?? DEFAULT_SEED,
    fresh: options.fresh ?? false,
    strict: options.strict ?? false,
    keywordsPerScope: options.keywordsPerScope ?? 100,
    evidenceTop: options.evidenceTop ?? 50,
    topics: options.noTopics ? null : (options.topics ?? 'auto'),
    dictionaryGaps: !options.noDictGaps,
    clouds: options.noClouds ? 'none' : options.noPng ? 'svg' : 'svg+png',
    threads: {
      segment: backend === 'nodejieba' ? 1 : (given ?? (facts.inputBytes >= SEGMENT_PARALLEL_BYTES ? all : 1)),
      // topics on every core at any size: a worker clusters while this thread scores (on the sample,
      // ten alternating pairs of whole runs, medians 2.26 → 2.17 s at the same peak memory); one
      // starts only when two or more scopes' topics are not stored already (parallel-topics.ts)
      topics: given ?? all,
      clouds: given ?? all,
      sqlite: given ?? all,
    },
  };
}
