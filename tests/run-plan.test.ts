import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { planRun } from '../src/run-plan.ts';
import { run } from '../src/run.ts';

const small = { inputBytes: 70_000, cores: 2 };

describe('the run plan', () => {
  it('resolves every default once', () => {
    expect(planRun({}, small)).toEqual({
      map: {},
      sheets: [],
      lexicon: { dicts: undefined, stopwords: undefined, synonyms: undefined, noBundled: undefined },
      backend: 'node-rs',
      hmm: true,
      seed: 'hotwords',
      fresh: false,
      strict: false,
      keywordsPerScope: 100,
      evidenceTop: 50,
      topics: 'auto',
      dictionaryGaps: true,
      clouds: 'svg+png',
      threads: { segment: 1, topics: 2, clouds: 2, sqlite: 2 },
    });
  });

  it('segments on every core where the input is big enough, clusters on every core, and takes what the caller gives', () => {
    expect(planRun({}, { inputBytes: 11_000_000, cores: 2 }).threads).toEqual({
      segment: 2,
      topics: 2,
      clouds: 2,
      sqlite: 2,
    });
    // a small session (alone, or added to a big stored corpus): segmenting it alone, clustering on all cores
    expect(planRun({}, { inputBytes: 70_000, cores: 4 }).threads).toEqual({
      segment: 1,
      topics: 4,
      clouds: 4,
      sqlite: 4,
    });
    expect(planRun({ workers: 3 }, small).threads).toEqual({ segment: 3, topics: 3, clouds: 3, sqlite: 3 });
    // nodejieba keeps one dictionary set a process: it segments on this thread only
    expect(planRun({ workers: 3, segmenter: 'nodejieba' }, small).threads.segment).toBe(1);
  });

  it('turns the skip flags and the sheet into settings', () => {
    const plan = planRun({ noTopics: true, noPng: true, noDictGaps: true, sheet: '2021', seed: 's', topics: 5 }, small);
    expect(plan).toMatchObject({ topics: null, clouds: 'svg', dictionaryGaps: false, sheets: ['2021'], seed: 's' });
    expect(planRun({ topics: 5, noClouds: true, sheet: ['a', 'b'] }, small)).toMatchObject({
      topics: 5,
      clouds: 'none',
      sheets: ['a', 'b'],
    });
  });

  it('is what runs.parameters records', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-plan-'));
    await run({
      inputs: [new URL('../data/sample/suggestions-2021.csv', import.meta.url).pathname],
      out,
      noClouds: true,
      noTopics: true,
      workers: 1,
      seed: 'x',
    });
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    const recorded = JSON.parse((db.prepare('SELECT parameters FROM runs').get() as { parameters: string }).parameters);
    db.close();
    expect(recorded).toMatchObject({
      seed: 'x',
      topics: null,
      clouds: 'none',
      threads: { segment: 1, topics: 1, clouds: 1, sqlite: 1 },
      noBundledDictionaries: false,
    });
  }, 60_000);
});
