import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { repeatsWord } from '../../src/score/diversify.ts';
import { loadCivicBackground } from '../../src/segment/civic-background.ts';
import { TitleCharacters } from '../../src/score/title-morphemes.ts';
import { listF1 } from '../eval/list-metrics.ts';
import { quoted, rowsOf, titlesOnlyCsv } from '../eval/titles-only.ts';
import { MESSAGES_CSV, TITLES_CSV, describeShared } from '../shared-data.ts';

type Titled = { title: string; label: string };

/** A session of short suggestions: ten titles of each of the seven labels (every 40th of the label, in file order); the rest. */
function shortSession(rows: readonly Titled[]): { session: Titled[]; rest: Titled[] } {
  const seen = new Map<string, number>();
  const session: Titled[] = [];
  const rest: Titled[] = [];
  for (const r of rows) {
    const n = seen.get(r.label) ?? 0;
    seen.set(r.label, n + 1);
    if (n % 40 === 0 && n / 40 < 10) session.push(r);
    else rest.push(r);
  }
  return { session, rest };
}

describeShared('a short list filled with words one title names, backed by the category’s other titles', () => {
  let byCategory: Map<string, { term: string; docs: number; rank: number }[]>;
  let session: Titled[];
  let rest: Titled[];

  beforeAll(async () => {
    // the short texts npm run eval measures: the labelled titles whose messages the lists were not tuned on
    const rows = rowsOf(titlesOnlyCsv(readFileSync(MESSAGES_CSV, 'utf8'), readFileSync(TITLES_CSV, 'utf8'))).map((r) => ({
      title: r.text!,
      label: r.label!,
    }));
    ({ session, rest } = shortSession(rows));
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-single-title-'));
    const csv = join(dir, 'session.csv');
    writeFileSync(csv, ['编号,内容,类别,年份', ...session.map((r, i) => `s${i},${quoted(r.title)},${r.label},2021`)].join('\n'));
    await run({ inputs: [csv], out: join(dir, 'out'), noDictGaps: true, noClouds: true, noTopics: true });
    const db = new Database(join(dir, 'out', 'hotwords.sqlite'), { readonly: true });
    byCategory = new Map();
    for (const r of db
      .prepare('SELECT category, term, docs, rank FROM keywords WHERE year = 2021 AND category IS NOT NULL ORDER BY category, rank')
      .all() as { category: string; term: string; docs: number; rank: number }[])
      byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
    db.close();
  }, 120_000);

  it('lists, after the words two or more suggestions raise, words one title names, up to ten', () => {
    expect(session).toHaveLength(70);
    let filled = 0;
    for (const [, list] of byCategory) {
      expect(list.length).toBeLessThanOrEqual(10);
      const first = list.findIndex((k) => k.docs === 1);
      if (first < 0) continue;
      filled += list.length - first;
      // every word after the first single-suggestion one is one too
      for (const k of list.slice(first)) expect(k.docs).toBe(1);
    }
    expect(filled).toBeGreaterThanOrEqual(10);
  });

  it('fills them with civic words whose characters the category’s other titles share', () => {
    const civic = loadCivicBackground();
    const single = [...byCategory].flatMap(([c, list]) => list.filter((k) => k.docs === 1).map((k) => ({ c, term: k.term })));
    for (const { c, term } of single) {
      expect(civic.df.get(term) ?? 0, term).toBeGreaterThan(0);
      const others = session.filter((r) => r.label === c && !r.title.includes(term));
      expect(
        [...term].some((ch) => others.some((r) => r.title.includes(ch))),
        `${term}: no other title of ${c} shares a character`,
      ).toBe(true);
    }
  });

  it('makes the lists say more of the other 6,600 titles than the words raised twice alone', () => {
    const lists = (all: boolean): Map<string, string[]> =>
      new Map([...byCategory].map(([c, list]) => [c, list.filter((k) => all || k.docs > 1).map((k) => k.term)]));
    const messages = rest.map((r) => ({ text: r.title, label: r.label }));
    const twice = listF1(lists(false), messages);
    const filled = listF1(lists(true), messages);
    expect(filled).toBeGreaterThan(twice + 0.05);
  });
});

it('scores a word by the characters it shares with the scope’s other titles, against the rest’s', () => {
  // 教师 named by one title; 教育局 and 教学 in two others of the scope, 教 in none of the rest
  const docs = [{ titleTerms: ['教师', '待遇'] }, { titleTerms: ['教育局'] }, { titleTerms: ['教学', '污染'] }, { titleTerms: ['污水'] }];
  const rest = [{ titleTerms: ['工资', '待遇'] }, { titleTerms: ['噪音', '污染'] }];
  const titles = new TitleCharacters([...docs, ...rest]);
  // the scope is the first four; it is also the scope outside which the rest lies
  const scope = [0, 1, 2, 3];
  const support = titles.support(scope, scope);
  // 教: a = 2 other titles, b = 0: 2 × ln((2/4) / (0.5/2)) = 2 ln 2
  expect(support('教师', 0)).toBeCloseTo(2 * Math.log(2), 10);
  // 待遇 shares 待 and 遇 with no other title of the scope; its own title does not count
  expect(support('待遇', 0)).toBe(0);
  // 污水: 污 in one other title of the scope (a quarter of it) and one of the rest (half of it): no lift
  expect(support('污水', 3)).toBe(0);
  expect(support('污染', 2)).toBe(0);
  // a word no title names: every title of the scope holding its character counts (教师 教育局 教学: a = 3, lift 3)
  expect(support('教材', null)).toBeCloseTo(3 * Math.log(3), 10);
});

describeShared('a word two suggestions raise in passing, no title naming or echoing it, after the words titles back', () => {
  type Row = { category: string; term: string; docs: number; rank: number };
  let lists: Map<string, Row[]>;
  let titles: Map<string, string[]>;

  beforeAll(async () => {
    // a session of real letters: ten of each label (every 20th of the label, in file order)
    const seen = new Map<string, number>();
    const session = rowsOf(readFileSync(MESSAGES_CSV, 'utf8')).filter((r) => {
      const n = seen.get(r.label!) ?? 0;
      seen.set(r.label!, n + 1);
      return n % 20 === 0 && n / 20 < 10;
    });
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-title-backing-'));
    const csv = join(dir, 'session.csv');
    writeFileSync(
      csv,
      ['编号,标题,内容,类别,年份', ...session.map((r) => [r.id, quoted(r.title!), quoted(r.detail!), r.label, '2021'].join(','))].join(
        '\n',
      ),
    );
    await run({ inputs: [csv], out: join(dir, 'out'), noDictGaps: true, noClouds: true, noTopics: true });
    const db = new Database(join(dir, 'out', 'hotwords.sqlite'), { readonly: true });
    lists = new Map();
    for (const r of db
      .prepare('SELECT category, term, docs, rank FROM keywords WHERE year = 2021 AND category IS NOT NULL ORDER BY category, rank')
      .all() as Row[])
      lists.set(r.category, [...(lists.get(r.category) ?? []), r]);
    titles = new Map();
    for (const r of session) titles.set(r.label!, [...(titles.get(r.label!) ?? []), r.title!]);
    db.close();
  }, 120_000);

  it('ranks each such word after every word three or more suggestions raise (but the repeats)', () => {
    let weak = 0;
    for (const [c, list] of lists) {
      const own = titles.get(c)!;
      // no title names it, and no character of it is in any title of the category
      const unbacked = (k: Row): boolean => k.docs === 2 && ![...k.term].some((ch) => own.some((t) => t.includes(ch)));
      for (const k of list.filter(unbacked)) {
        weak++;
        // (a word repeating a higher-ranked one as a string waits for every other: diversify.ts)
        const repeat = (o: Row): boolean => list.some((p) => p.rank < o.rank && repeatsWord(p.term, o.term));
        const later = list.filter((o) => o.docs >= 3 && o.rank > k.rank && !repeat(o));
        expect(
          later.map((o) => o.term),
          `${c}: ${k.term} (#${k.rank})`,
        ).toEqual([]);
      }
    }
    expect(weak).toBeGreaterThan(0);
  });
});
