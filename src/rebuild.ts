import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { FatalError } from './diagnostics.ts';
import { say } from './messages.ts';
import { buildJsonExports } from './export/d3-json.ts';
import { writeJsonExports } from './export/json-files.ts';
import { writeReport } from './export/report-html.ts';
import { briefingOf, writeBriefing } from './export/briefing-files.ts';
import { briefingTexts } from './export/briefing-text.ts';
import { lockOut } from './export/out-lock.ts';
import type { Generation } from './export/generations.ts';
import { beginGeneration, carryOver, discardGeneration, publishGeneration, publishedPath } from './export/generations.ts';
import { StoredCorpus } from './export/stored-corpus.ts';
import type { CloudFile } from './export/wordclouds.ts';
import { cloudPath, writeWordClouds } from './export/wordclouds.ts';
import { analyseCorpus } from './score/analyse-corpus.ts';
import { loadBackgroundIdf } from './segment/background-idf.ts';
import { loadCivicBackground } from './segment/civic-background.ts';
import { loadTagFixes, loadTitleFrames } from './segment/title-frames.ts';
import { createSegmenter } from './segment/create-segmenter.ts';
import type { LexiconOptions } from './segment/lexicon.ts';
import { loadLexicon } from './segment/lexicon.ts';
import { compareIds } from './corpus/record.ts';
import { planRun } from './run-plan.ts';

export interface RebuildOptions extends LexiconOptions {
  /** The output folder of an earlier `run`. */
  out: string;
  /** What to write again: the word clouds, or the JSON export, the report and the briefing. */
  what: 'clouds' | 'report';
  seed?: string;
  noPng?: boolean;
}

/**
 * `hotwords cloud` / `hotwords report`: write the clouds, or the JSON and
 * report, again from the database in `out`, without reading or segmenting any
 * input (e.g. with another seed, or after deleting the folder by mistake).
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const database = join(options.out, 'hotwords.sqlite');
  if (!existsSync(database)) {
    throw new FatalError({
      file: database,
      line: 0,
      source: 'export',
      ruleId: 'export/no-database',
      ...say('export/no-database'),
    });
  }
  // a run writing to the folder meanwhile would change what this reads and writes
  const lock = lockOut(options.out);
  try {
    // a new generation: what is rebuilt is written there, the rest taken over as it is
    const generation = beginGeneration(options.out);
    try {
      carryOver(
        options.out,
        generation,
        options.what === 'clouds' ? ['hotwords.sqlite', 'rejects.jsonl', 'json', 'report'] : ['hotwords.sqlite', 'rejects.jsonl', 'clouds'],
      );
      const result = await lockedRebuild(options, generation);
      publishGeneration(options.out, generation);
      const published = (path: string): string => publishedPath(options.out, generation, path);
      return {
        clouds: result.clouds.map((c) => ({ ...c, svg: published(c.svg), png: c.png === null ? null : published(c.png) })),
        report: result.report === null ? null : published(result.report),
        json: result.json.map(published),
      };
    } catch (e) {
      discardGeneration(generation);
      throw e;
    }
  } finally {
    lock.release();
  }
}

type RebuildResult = { clouds: CloudFile[]; report: string | null; json: string[] };

async function lockedRebuild(options: RebuildOptions, generation: Generation): Promise<RebuildResult> {
  const database = generation.database;
  const plan = planRun(options, { inputBytes: 0, cores: availableParallelism() });
  const { docs, topics } = StoredCorpus.read(database, (stored) => ({
    docs: stored.documents().sort((x, y) => compareIds(x.record.id, y.record.id)),
    // the report's topics are the run's (its seed, its topic count) as stored, not clustered again;
    // clouds need none
    topics: options.what === 'report' ? stored.topics() : {},
  }));
  const lexicon = loadLexicon(plan.lexicon, []);
  const segmenter = createSegmenter({ backend: plan.backend, userWords: lexicon.userWords, hmm: plan.hmm });
  const analysis = {
    ...analyseCorpus(docs, lexicon, segmenter, {
      backgroundIdf: loadBackgroundIdf(),
      civic: loadCivicBackground(),
      titleFrames: loadTitleFrames(),
      tagFixes: loadTagFixes(),
      keywordsPerScope: plan.keywordsPerScope,
      evidenceTop: plan.evidenceTop,
      dictionaryGaps: false,
      topics: null,
      time: (_, f) => f(),
    }),
    ...topics,
  };
  const sources = [...new Set(docs.map((d) => basename(d.record.origin.file)))].sort();
  if (options.what === 'clouds') {
    return {
      clouds: (
        await writeWordClouds(generation.clouds, analysis, {
          sources,
          seed: plan.seed,
          png: plan.clouds === 'svg+png',
          threads: plan.threads.clouds,
        })
      ).files,
      report: null,
      json: [],
    };
  }
  const exports = buildJsonExports(docs, analysis, sources);
  const json = writeJsonExports(generation.json, exports);
  const briefing = briefingOf(
    docs.map((d) => d.record),
    analysis,
  );
  await writeBriefing(generation.briefing, briefing.input, briefing.tables, {
    png: plan.clouds === 'svg+png',
    threads: plan.threads.clouds,
    sources,
  });
  const clouds = analysis.scopes
    .map((s) => ({ category: s.category, year: s.year, png: cloudPath(generation.clouds, s, 'png') }))
    .filter((c) => existsSync(c.png));
  return { clouds: [], report: writeReport(generation.report, exports, clouds, briefingTexts(briefing.input)), json };
}
