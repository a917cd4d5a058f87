import { chiSquare1PValue } from './statistics.ts';

/**
 * Dunning's log-likelihood G² for a term in a target against a reference:
 * `a` target units with the term out of `targetTotal`, `b` reference units
 * with it out of `referenceTotal`. Units are suggestions here (a term raised
 * in 12 suggestions counts 12, repeated 12 times in one counts 1).
 * Returns G², its p-value (χ², 1 df) and whether the term is over-represented.
 */
export function logLikelihood(a: number, targetTotal: number, b: number, referenceTotal: number): { g2: number; p: number; over: boolean } {
  const c = targetTotal - a;
  const d = referenceTotal - b;
  const n = targetTotal + referenceTotal;
  const cell = (o: number, rowTotal: number, colTotal: number): number => {
    if (o === 0) return 0;
    const e = (rowTotal * colTotal) / n;
    return o * Math.log(o / e);
  };
  const withTerm = a + b;
  const without = c + d;
  const g2 = Math.max(
    0,
    2 *
      (cell(a, targetTotal, withTerm) +
        cell(b, referenceTotal, withTerm) +
        cell(c, targetTotal, without) +
        cell(d, referenceTotal, without)),
  );
  const over = a / targetTotal > (referenceTotal > 0 ? b / referenceTotal : 0);
  return { g2, p: chiSquare1PValue(g2), over };
}

/**
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
 * Quinn 2008): `y` counts of the term in target and reference, `n` the totals
 * of all terms, `alpha` the term's prior count and `alpha0` the prior's total.
 * Returns the log-odds difference δ and its z-score δ/σ; positive z means
 * the term is more used in the target.
 */
export function logOddsDirichlet(
  yTarget: number,
  nTarget: number,
  yReference: number,
  nReference: number,
  alpha: number,
  alpha0: number,
): { delta: number; z: number } {
  const lt = Math.log((yTarget + alpha) / (nTarget + alpha0 - yTarget - alpha));
  const lr = Math.log((yReference + alpha) / (nReference + alpha0 - yReference - alpha));
  const delta = lt - lr;
  const variance = 1 / (yTarget + alpha) + 1 / (yReference + alpha);
  return { delta, z: delta / Math.sqrt(variance) };
}
