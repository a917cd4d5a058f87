import { describe, expect, it } from 'vitest';
import { diversify } from '../../src/score/diversify.ts';

describe('diversify', () => {
  const candidates = [
    { term: '学校', base: 1.0, docs: [1, 2, 3, 4] },
    { term: '教育局', base: 0.9, docs: [1, 2, 3, 4] },
    { term: '幼儿园', base: 0.5, docs: [5, 6] },
    { term: '老师', base: 0.6, docs: [1, 7] },
  ];

  it('ranks by salience alone when breadth has no weight', () => {
    expect(diversify(candidates, 4, 0).map((r) => r.term)).toEqual(['学校', '教育局', '老师', '幼儿园']);
  });

  it('lets a word that brings in new suggestions pass one that repeats covered ones', () => {
    const r = diversify(candidates, 4, 0.5);
    expect(r.map((x) => x.term)).toEqual(['学校', '幼儿园', '老师', '教育局']);
    // 老师 covers 1 new of 2: 0.6 × (1/2)^0.5; 教育局 covers none
    expect(r[2]!.gain).toBeCloseTo(0.6 * Math.SQRT1_2, 10);
    expect(r[3]!.gain).toBe(0);
    for (let i = 1; i < r.length; i++) expect(r[i]!.gain).toBeLessThanOrEqual(r[i - 1]!.gain);
  });

  it('lets a word of weaker evidence wait for every other word but the repeats', () => {
    const r = diversify(
      [
        { term: '污染', base: 2.6, docs: [1, 2, 3] },
        { term: '高度重视', base: 2.0, docs: [4, 5], waits: true },
        { term: '蓝天', base: 0.8, docs: [2, 5] },
        { term: '环境污染', base: 1.1, docs: [1, 2] },
      ],
      4,
      0.4,
    );
    expect(r.map((x) => x.term)).toEqual(['污染', '蓝天', '高度重视', '环境污染']);
    for (let i = 1; i < r.length; i++) expect(r[i]!.gain).toBeLessThanOrEqual(r[i - 1]!.gain);
  });

  it('puts a word that repeats a listed one as a string after every other word, even when all gains are zero', () => {
    // an environmental session: 污染 covers all five suggestions, so every later gain is zero;
    // without the rule the list would go on by salience alone, 环境污染 and 污染环境 before 蓝天
    const r = diversify(
      [
        { term: '污染', base: 2.6, docs: [1, 2, 3, 4, 5] },
        { term: '环境污染', base: 1.1, docs: [1, 2] },
        { term: '污染环境', base: 1.0, docs: [3, 4] },
        { term: '蓝天', base: 0.8, docs: [2, 5] },
        { term: '地下水', base: 0.7, docs: [1, 3] },
        { term: '水', base: 0.6, docs: [1, 3] },
      ],
      6,
      0.4,
    );
    expect(r.map((x) => x.term)).toEqual(['污染', '蓝天', '地下水', '水', '环境污染', '污染环境']);
    // one character is no string to repeat (水 in 地下水 stays a word of its own); the gains never rise
    for (let i = 1; i < r.length; i++) expect(r[i]!.gain).toBeLessThanOrEqual(r[i - 1]!.gain);
    // the shorter word after the longer one is a repeat too (小区 after 小区业主)
    const s = diversify(
      [
        { term: '小区业主', base: 1, docs: [1, 2] },
        { term: '小区', base: 0.9, docs: [1, 2, 3] },
        { term: '绿化', base: 0.2, docs: [4] },
      ],
      3,
      0.4,
    );
    expect(s.map((x) => x.term)).toEqual(['小区业主', '绿化', '小区']);
  });

  it('breaks ties by base, then by term', () => {
    const r = diversify(
      [
        { term: 'b', base: 1, docs: [1] },
        { term: 'a', base: 1, docs: [2] },
      ],
      2,
    );
    expect(r.map((x) => x.term)).toEqual(['a', 'b']);
  });
});
