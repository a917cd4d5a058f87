import { describe, expect, it } from 'vitest';
import { roundedPercents } from '../../src/score/rounded-percents.ts';

describe('roundedPercents', () => {
  it('gives the 2021 report’s category shares, which add up to 100', () => {
    expect(roundedPercents([11, 24, 8, 8, 16], 1)).toEqual([16.4, 35.9, 11.9, 11.9, 23.9]);
  });
  it('leaves shares that already add up alone', () => {
    expect(roundedPercents([62, 1, 4], 2)).toEqual([92.54, 1.49, 5.97]);
    expect(roundedPercents([1, 1], 1)).toEqual([50, 50]);
  });
  it('puts a negative remainder on the largest item too', () => {
    const p = roundedPercents([1, 1, 1], 1);
    expect(p).toEqual([33.4, 33.3, 33.3]);
    expect(roundedPercents([2, 1, 1, 1, 1, 1, 1], 0).reduce((a, b) => a + b)).toBe(100);
  });
  it('returns zeros for no documents', () => {
    expect(roundedPercents([0, 0], 1)).toEqual([0, 0]);
  });
});
