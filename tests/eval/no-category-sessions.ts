/**
 * Sessions whose file has no category column, as some offices keep them: five disjoint sessions
 * of 70 labelled messages (10 of each category with at least 40, chosen by a seeded hash of
 * their ids), each run without its categories. The whole session's top 20 is then judged as
 * small_sessions.py judges a category's list: a word is filler when fewer than 3 messages of the
 * whole corpus hold it, or when no category holds it 1.5 times as often as the corpus does
 * (its largest lift, substring match). There is no category to score a list-F1 against.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, MESSAGES_MAP } from '../shared-data.ts';

const SESSIONS = 5;
const PER_CATEGORY = 10;
const MIN_CATEGORY = 40;
const TOP = 20;

export async function noCategorySessions(work: string): Promise<{ filler: number; lists: string[][] }> {
  const corpus = await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP });
  const labelled = corpus.records.filter((r) => r.category !== null);
  const texts = labelled.map((r) => ({ category: r.category!, text: `${r.title}\n${r.text}` }));
  const byCategory = new Map<string, typeof labelled>();
  for (const r of labelled) (byCategory.get(r.category!) ?? byCategory.set(r.category!, []).get(r.category!)!).push(r);
  const categories = [...byCategory.keys()].filter((c) => byCategory.get(c)!.length >= MIN_CATEGORY).sort();
  const order = (id: string): string => createHash('sha256').update(`no-category|${id}`).digest('hex');
  for (const c of categories) byCategory.get(c)!.sort((a, b) => (order(a.id) < order(b.id) ? -1 : 1));
  const prior = new Map(categories.map((c) => [c, texts.filter((t) => t.category === c).length / texts.length]));
  const isFiller = (word: string): boolean => {
    const hits = texts.filter((t) => t.text.includes(word));
    if (hits.length < 3) return true;
    const lift = Math.max(...categories.map((c) => hits.filter((h) => h.category === c).length / hits.length / prior.get(c)!));
    return lift < 1.5;
  };
  const lists: string[][] = [];
  let filler = 0;
  for (let s = 0; s < SESSIONS; s++) {
    const session = categories.flatMap((c) => byCategory.get(c)!.slice(s * PER_CATEGORY, (s + 1) * PER_CATEGORY));
    const input = join(work, `no-category-${s}.jsonl`);
    writeFileSync(input, session.map((r) => JSON.stringify({ id: r.id, title: r.title, text: r.text, year: 2021 })).join('\n') + '\n');
    const out = join(work, `no-category-${s}`);
    await run({ inputs: [input], out, fresh: true, noTopics: true, noDictGaps: true, noClouds: true });
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    const list = (
      db.prepare('SELECT term FROM keywords WHERE category IS NULL AND year IS NULL ORDER BY rank LIMIT ?').all(TOP) as { term: string }[]
    ).map((r) => r.term);
    db.close();
    lists.push(list);
    filler += list.filter(isFiller).length;
  }
  return { filler: filler / lists.reduce((n, l) => n + l.length, 0), lists };
}
