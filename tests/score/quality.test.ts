import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { run } from '../../src/run.ts';
import { coverage, genericShare, listF1 } from '../eval/list-metrics.ts';
import { MESSAGES_CSV, MESSAGES_MAP, SHARED_DATA, describeShared } from '../shared-data.ts';

describeShared('hot-word quality on real data (the figures npm run eval prints)', () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-quality-'));
  let lists: Map<string, string[]>;
  let messages: { text: string; label: string }[];
  let reports: Database.Database;

  beforeAll(async () => {
    await run({ inputs: [MESSAGES_CSV], out: join(out, 'messages'), map: MESSAGES_MAP, noDictGaps: true, noClouds: true, noTopics: true });
    const db = new Database(join(out, 'messages', 'hotwords.sqlite'), { readonly: true });
    lists = new Map();
    for (const r of db
      .prepare('SELECT category, term FROM keywords WHERE year IS NULL AND category IS NOT NULL AND rank <= 20 ORDER BY category, rank')
      .all() as { category: string; term: string }[]) {
      lists.set(r.category, [...(lists.get(r.category) ?? []), r.term]);
    }
    messages = (await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP })).records.map((r) => ({
      text: r.title + r.text,
      label: r.category!,
    }));
    await run({
      inputs: [`${SHARED_DATA}gov-work-reports/government_work_reports.jsonl`],
      out: join(out, 'reports'),
      map: { title: 'title', text: 'content', year: 'year' },
      noDictGaps: true,
      noClouds: true,
      noTopics: true,
    });
    reports = new Database(join(out, 'reports', 'hotwords.sqlite'), { readonly: true });
  }, 120_000);

  it('gives category lists that classify the messages (list-F1 ≥ 0.78, the peer’s 0.679 × 1.15)', () => {
    expect(lists.size).toBe(7);
    expect(listF1(lists, messages)).toBeGreaterThanOrEqual(0.78);
  });

  it('keeps generic words out of the lists (≤ 2% of words in four or more lists)', () => {
    expect(genericShare(lists)).toBeLessThanOrEqual(0.02);
    expect(coverage(lists, messages)).toBeGreaterThan(0.95);
  });

  it('finds the years’ new policy terms among the top 50 emerging terms', () => {
    const top = (year: number): string[] =>
      (
        reports.prepare('SELECT term FROM emerging_terms WHERE category IS NULL AND year = ? AND rank <= 50').all(year) as {
          term: string;
        }[]
      ).map((r) => r.term);
    expect(top(2016).some((t) => t.includes('供给侧'))).toBe(true);
    expect(top(2018).some((t) => t.includes('乡村振兴'))).toBe(true);
    expect(top(2021).some((t) => t.includes('碳达峰') || t.includes('新冠'))).toBe(true);
  });

  it('joins the coinages the segmenter cuts apart (新+动能, 一带+一路) in the first year they are raised twice, without their pieces beside them', () => {
    const top = (year: number): string[] =>
      (
        reports.prepare('SELECT term FROM emerging_terms WHERE category IS NULL AND year = ? AND rank <= 50').all(year) as {
          term: string;
        }[]
      ).map((r) => r.term);
    expect(top(2016)).toEqual(expect.arrayContaining(['新动能', '一带一路']));
    expect(top(2016)).not.toContain('一带');
    // no HMM fragment or function-word piece (the word gate decides emerging terms too)
    for (const fragment of ['法无', '又利', '向调', '港通', '补短']) expect(top(2015)).not.toContain(fragment);
  });
});
