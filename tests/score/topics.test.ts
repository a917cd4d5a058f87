import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { segmentRecords } from '../../src/segment/segment-records.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { npmi, topicsOfScope } from '../../src/score/topics.ts';
import { nmi } from '../nmi.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

const SEED = 'hotwords';

/** Three clear themes in 60 suggestions: each draws 3 of its theme's 8 words (seeded) and 1 of 20 shared words. */
function themed(size = 60, wordsPerTheme = 8): { id: string; title: string; category: string; year: number; terms: Map<string, number> }[] {
  const themes = [
    ['加装电梯', '电梯维保', '多层住宅', '楼道', '适老化', '扶手', '坡道', '无障碍'],
    ['停车难', '停车位', '错峰停车', '充电桩', '立体车库', '道路停车', '车位', '泊位'],
    ['老年助餐', '助餐点', '独居老人', '送餐', '社区食堂', '菜品', '老年人', '养老服务'],
  ].map((words, t) => [...words, ...Array.from({ length: wordsPerTheme - words.length }, (_, i) => `主题${t}词${i}`)]);
  let x = 7;
  const next = (n: number): number => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return (x >>> 16) % n;
  };
  return Array.from({ length: size }, (_, i) => {
    const words = themes[i % 3]!;
    const terms = new Map<string, number>();
    while (terms.size < 3) terms.set(words[next(wordsPerTheme)]!, 1 + next(2));
    terms.set(`共同词${next(20)}`, 1);
    return { id: `d${String(i).padStart(5, '0')}`, title: '', category: '测试', year: 2021, terms };
  });
}

describe('topics', () => {
  it('finds the number of themes by itself and recovers them', () => {
    const docs = themed();
    const r = topicsOfScope({ category: null, year: null }, docs, 1, { seed: SEED });
    expect(r.note.k).toBe(3);
    const byDoc = new Map(r.assignments.map((a) => [a.documentId, a.topicId]));
    expect(
      nmi(
        docs.map((d) => byDoc.get(d.id)!),
        docs.map((_, i) => i % 3),
      ),
    ).toBeCloseTo(1, 6);
    expect(r.topics.map((t) => t.size)).toEqual([20, 20, 20]);
    for (const t of r.topics) expect(t.label.split('·')).toHaveLength(3);
  });

  it('gives the same topics for the same input and seed, and honours a fixed number', () => {
    const a = topicsOfScope({ category: null, year: null }, themed(), 1, { seed: SEED });
    const b = topicsOfScope({ category: null, year: null }, themed(), 1, { seed: SEED });
    expect(b).toEqual(a);
    const fixed = topicsOfScope({ category: null, year: null }, themed(), 1, { seed: SEED, topics: 4 });
    expect(fixed.note.k).toBe(4);
  });

  it('takes its two cost levers as options: the defaults given explicitly change nothing, lower ones still find the themes, bad ones are refused', () => {
    const docs = themed();
    const scope = { category: null, year: null };
    const shipped = topicsOfScope(scope, docs, 1, { seed: SEED });
    expect(topicsOfScope(scope, docs, 1, { seed: SEED, lsaRank: 100, finalRestarts: 40 })).toEqual(shipped);
    const cheap = topicsOfScope(scope, docs, 1, { seed: SEED, lsaRank: 3, finalRestarts: 1 });
    // a space of 3 dimensions gives other cosines, on the same themes
    expect(cheap.assignments.map((a) => a.weight)).not.toEqual(shipped.assignments.map((a) => a.weight));
    expect(cheap.note.k).toBe(3);
    const byDoc = new Map(cheap.assignments.map((a) => [a.documentId, a.topicId]));
    expect(
      nmi(
        docs.map((d) => byDoc.get(d.id)!),
        docs.map((_, i) => i % 3),
      ),
    ).toBeCloseTo(1, 6);
    expect(() => topicsOfScope(scope, docs, 1, { seed: SEED, lsaRank: 0 })).toThrow(/lsaRank must be a whole number ≥ 1, not 0/);
    expect(() => topicsOfScope(scope, docs, 1, { seed: SEED, finalRestarts: 2.5 })).toThrow(
      /finalRestarts must be a whole number ≥ 1, not 2.5/,
    );
  });

  it('fits a large scope on an even sample and still assigns every suggestion', () => {
    // each theme with 12 words, so that no word is in more than 10% of the suggestions (broader words are the scope's vocabulary, not a topic's)
    const docs = themed(4500, 12);
    const r = topicsOfScope({ category: null, year: null }, docs, 1, { seed: SEED });
    expect(r.note.k).toBe(3);
    expect(r.assignments).toHaveLength(4500);
    const byDoc = new Map(r.assignments.map((a) => [a.documentId, a.topicId]));
    expect(
      nmi(
        docs.map((d) => byDoc.get(d.id)!),
        docs.map((_, i) => i % 3),
      ),
    ).toBeCloseTo(1, 6);
  });

  it('says so instead of inventing topics for a small scope', () => {
    const r = topicsOfScope({ category: '测试', year: 2021 }, themed().slice(0, 12), 1, { seed: SEED });
    expect(r.topics).toEqual([]);
    expect(r.note.note).toContain('fewer than 20');
  });

  it('computes NMI and NPMI as defined', () => {
    expect(nmi([1, 1, 2, 2], ['a', 'a', 'b', 'b'])).toBeCloseTo(1, 10);
    expect(nmi([1, 2, 1, 2], ['a', 'a', 'b', 'b'])).toBeCloseTo(0, 10);
    const docs = [
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
      new Map([['c', 1]]),
      new Map([['c', 1]]),
    ].map((terms) => ({ category: null, year: null, terms }));
    // a and b always together in half the suggestions: NPMI 1; a and c never: −1
    expect(npmi(['a', 'b'], docs)).toBe(1);
    expect(npmi(['a', 'c'], docs)).toBe(-1);
  });
});

describeShared('topics on the labelled messages (the figures npm run eval prints)', () => {
  it('chooses a topic count near the 7 categories without being told, and the topics match them (NMI)', async () => {
    const lexicon = loadLexicon({}, []);
    const segmenter = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
    const records = (await readCorpus([MESSAGES_CSV], { map: MESSAGES_MAP })).records;
    const counted = await segmentRecords(records, segmenter, lexicon, { workers: 1, backend: 'node-rs', lexiconOptions: {} });
    const docs = records.map((r, i) => ({ id: r.id, title: r.title, category: r.category, year: r.year, terms: counted[i]!.terms }));
    const r = topicsOfScope({ category: null, year: null }, docs, 1, { seed: SEED });
    expect(r.note.k).toBeGreaterThanOrEqual(5);
    expect(r.note.k).toBeLessThanOrEqual(12);
    const label = new Map(records.map((x) => [x.id, x.category]));
    // a floor well above the peer's best given k = 7 (NMF, 0.424); the target 0.49 is what npm run eval
    // measures (five seeds: 0.488–0.529, mean 0.515; docs/topics.md) — one seed's draw can sit just under it
    expect(
      nmi(
        r.assignments.map((a) => a.topicId),
        r.assignments.map((a) => label.get(a.documentId)!),
      ),
    ).toBeGreaterThanOrEqual(0.46);
    expect(r.topics.filter((t) => t.outlier).reduce((a, t) => a + t.size, 0)).toBeLessThanOrEqual(0.15 * docs.length);
  }, 120_000);
});
