import { describe, expect, it } from 'vitest';
import { logLikelihood, logOddsDirichlet } from '../../src/score/keyness.ts';
import { benjaminiHochberg, chiSquare1PValue } from '../../src/score/statistics.ts';
import { seededRandom } from '../../src/matrix/seeded-random.ts';

describe('keyness', () => {
  it('computes Dunning G² as worked by hand', () => {
    // 10 of 100 target suggestions raise the word, 20 of 900 elsewhere:
    // expected 3, 97, 27, 873; G² = 2 Σ O ln(O/E) = 12.649
    const r = logLikelihood(10, 100, 20, 900);
    expect(r.g2).toBeCloseTo(12.649016, 5);
    expect(r.p).toBeCloseTo(0.000375763, 7);
    expect(r.over).toBe(true);
    expect(logLikelihood(1, 100, 90, 900).over).toBe(false);
    expect(logLikelihood(5, 50, 10, 100).g2).toBe(0);
  });

  it('gives the chi-square tail for one degree of freedom', () => {
    expect(chiSquare1PValue(3.841459)).toBeCloseTo(0.05, 5);
    expect(chiSquare1PValue(6.634897)).toBeCloseTo(0.01, 5);
    expect(chiSquare1PValue(0)).toBe(1);
  });

  it('computes the informative-prior log-odds and its z-score as worked by hand', () => {
    // δ = ln(13/137) − ln(23/927) = 1.341428; σ² = 1/13 + 1/23
    const r = logOddsDirichlet(10, 100, 20, 900, 3, 50);
    expect(r.delta).toBeCloseTo(1.341428, 5);
    expect(r.z).toBeCloseTo(3.865909, 5);
    expect(logOddsDirichlet(1, 100, 30, 900, 3, 50).z).toBeLessThan(0);
  });

  it('adjusts p-values by Benjamini–Hochberg, keeping the input order', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 10);
    expect(q[1]).toBeCloseTo((0.04 * 4) / 3, 10);
    expect(q[2]).toBeCloseTo((0.04 * 4) / 3, 10);
    expect(q[3]).toBeCloseTo(0.5, 10);
  });

  it('gives tied p-values one q, the definition min over ranks ≥ own of p·m/rank, bit for bit', () => {
    // a scope's p-values: most terms tie (1 for a word not over-represented, a few small counts' G²)
    const random = seededRandom('bh');
    const p = Array.from({ length: 500 }, () => (random() < 0.5 ? 1 : [0.001, 0.02, 0.02, 0.3][Math.floor(random() * 4)]! * random()));
    p.push(0.02, 0.02, 0.3, 0.3);
    const m = p.length;
    const sorted = [...p].sort((a, b) => a - b);
    const byDefinition = p.map((pi) => {
      // the last rank of pi's value, then the running minimum from the top down to it
      let running = 1;
      for (let k = m - 1; k >= sorted.lastIndexOf(pi); k--) running = Math.min(running, (sorted[k]! * m) / (k + 1));
      return running;
    });
    expect([...benjaminiHochberg(p)]).toEqual(byDefinition);
  });
});
