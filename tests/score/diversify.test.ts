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
