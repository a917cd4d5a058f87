import { beforeAll, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import type { DictionaryCandidate } from '../../src/score/dictionary-gaps.ts';
import { findDictionaryGaps } from '../../src/score/dictionary-gaps.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { recordText } from '../../src/segment/document-terms.ts';
import { gapExclusion } from '../../src/segment/gap-filter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { describeShared, MESSAGES_CSV, MESSAGES_MAP } from '../shared-data.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const EDGE = [
  ...'的了是在和与及或也都就而被把将对于从向等个我你他她它们这那有为之其不没很吗呢吧啊要会能可以已还又并且但让给到说该每某各此本中',
];

/** Every n-gram (n ≤ 6) of every Chinese run, counted one by one: the oracle. */
function naiveCounts(texts: readonly string[]): { freq: Map<string, number>; chars: number } {
  const freq = new Map<string, number>();
  let chars = 0;
  for (const text of texts)
    for (const [run] of text.matchAll(HAN_RUN)) {
      const cs = [...run];
      chars += cs.length;
      for (let i = 0; i < cs.length; i++)
        for (let n = 1; n <= 6 && i + n <= cs.length; n++) {
          const s = cs.slice(i, i + n).join('');
          freq.set(s, (freq.get(s) ?? 0) + 1);
        }
    }
  return { freq, chars };
}

/** Occurrences, suggestions and boundary entropies of one term, read off the texts directly. */
function naiveNeighbours(texts: readonly string[], term: string): { freq: number; docs: number; left: number; right: number } {
  const left: string[] = [];
  const right: string[] = [];
  let docs = 0;
  let edges = 0;
  const side = (ch: string | undefined): string =>
    ch === undefined ? `edge${edges++}` : /\p{Script=Han}/u.test(ch) ? ch : /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u.test(ch) ? '0' : `edge${edges++}`;
  for (const text of texts) {
    let inDoc = false;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      inDoc = true;
      left.push(side([...text.slice(Math.max(0, i - 2), i)].at(-1)));
      right.push(side([...text.slice(i + term.length, i + term.length + 2)][0]));
    }
    if (inDoc) docs++;
  }
  const entropy = (xs: string[]): number => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts.values()].reduce((h, v) => h - (v / xs.length) * Math.log(v / xs.length), 0);
  };
  return { freq: left.length, docs, left: entropy(left), right: entropy(right) };
}

describeShared('findDictionaryGaps on the labelled messages', () => {
  let texts: { id: string; text: string }[];
  let exclude: (term: string) => boolean;
  let found: DictionaryCandidate[];

  beforeAll(async () => {
    const corpus = await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP });
    texts = corpus.records.map((r) => ({ id: r.id, text: recordText(r) }));
    const lexicon = loadLexicon({}, []);
    exclude = gapExclusion(lexicon, createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords }));
    found = findDictionaryGaps(texts, exclude, { limit: 200 });
  }, 60_000);

  it('reports each candidate’s frequency, suggestions, cohesion and boundary entropies as counted off the text', () => {
    expect(found).toHaveLength(200);
    const { freq, chars } = naiveCounts(texts.map((t) => t.text));
    const p = (s: string): number => freq.get(s)! / chars;
    for (const c of found.slice(0, 60)) {
      const cs = [...c.term];
      const truth = naiveNeighbours(
        texts.map((t) => t.text),
        c.term,
      );
      expect({ term: c.term, freq: c.freq, docs: c.docs }).toEqual({ term: c.term, freq: truth.freq, docs: truth.docs });
      expect(c.leftEntropy).toBeCloseTo(truth.left, 9);
      expect(c.rightEntropy).toBeCloseTo(truth.right, 9);
      const pmi = Math.min(
        ...cs.slice(1).map((_, k) => Math.log(p(c.term) / (p(cs.slice(0, k + 1).join('')) * p(cs.slice(k + 1).join(''))))),
      );
      expect(c.pmi).toBeCloseTo(pmi, 9);
      expect(exclude(c.term)).toBe(false);
      expect(c.example).toContain(`【${c.term}】`);
      expect(texts.find((t) => t.id === c.exampleId)!.text).toContain(c.term);
    }
    expect(found.map((c) => c.rank)).toEqual(found.map((_, i) => i + 1));
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
    // the data's stand-in province name and other real gaps of the dictionaries are found
    expect(found.map((c) => c.term)).toEqual(expect.arrayContaining(['西地省', '解除劳动关系', '劳务派遣', '代课教师']));
    // and what the civic dictionary now holds (棚改, 五险一金) is no gap
    expect(found.map((c) => c.term)).not.toEqual(expect.arrayContaining(['棚改']));
    expect(found.map((c) => c.term)).not.toEqual(expect.arrayContaining(['五险一金']));
  }, 120_000);

  it('finds exactly the candidates that counting every n-gram finds (the level-wise pruning loses none)', () => {
    const sample = texts.slice(0, 600);
    const got = findDictionaryGaps(sample, exclude, { limit: 100_000 }).map((c) => c.term);
    const { freq, chars } = naiveCounts(sample.map((t) => t.text));
    const p = (s: string): number => freq.get(s)! / chars;
    const scored: { term: string; score: number; freq: number }[] = [];
    for (const [term, f] of freq) {
      const cs = [...term];
      if (cs.length < 2 || f < 5 || EDGE.includes(cs[0]!) || EDGE.includes(cs.at(-1)!) || cs.some((ch) => ch === '的' || ch === '了'))
        continue;
      const pmi = Math.min(
        ...cs.slice(1).map((_, k) => Math.log(p(term) / (p(cs.slice(0, k + 1).join('')) * p(cs.slice(k + 1).join(''))))),
      );
      if (pmi < 3 || exclude(term)) continue;
      const n = naiveNeighbours(
        sample.map((t) => t.text),
        term,
      );
      if (n.docs < 3 || Math.min(n.left, n.right) < 1) continue;
      scored.push({ term, freq: f, score: Math.log(f) * pmi * Math.min(n.left, n.right) });
    }
    scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
    const kept: typeof scored = [];
    for (const c of scored) if (!kept.some((k) => k.term.includes(c.term) && k.freq >= 0.8 * c.freq)) kept.push(c);
    expect(got.length).toBeGreaterThan(20);
    expect(got).toEqual(kept.map((c) => c.term));
  }, 120_000);
});

it('finds a word that recurs in varied contexts and leaves out its fragments', () => {
  const contexts = ['社区', '街道', '学校', '医院', '公园', '车站', '市场', '小区'];
  const texts = contexts.map((c, i) => ({ id: `d${i}`, text: `${c}需要配备网格员。网格员巡查${contexts[(i + 3) % 8]}，发现问题。` }));
  const found = findDictionaryGaps(texts, () => false, { minPmi: 0, minEntropy: 0.5 });
  const grid = found.find((c) => c.term === '网格员');
  expect(grid).toMatchObject({ freq: 16, docs: 8, exampleId: 'd0' });
  // 网格 and 格员 always come as 网格员: fragments, not reported
  expect(found.some((c) => c.term === '网格' || c.term === '格员')).toBe(false);
});
