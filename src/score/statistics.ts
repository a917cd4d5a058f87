/**
 * Significance helpers for keyness: the chi-square tail for one degree of
 * freedom and Benjamini–Hochberg q-values.
 */

/** Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(X ≥ x) for X ~ χ²(1): the p-value of a G² or chi-square statistic of a 2×2 table. */
export function chiSquare1PValue(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order: the
 * false-discovery rate at which each test would be declared significant.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length;
  // the running minimum over the p-values in ascending order; tied p-values share the q of the last
  // of them, so each takes the q at the last place its p-value has (a numeric sort, no comparator)
  const sorted = Float64Array.from(pValues).sort();
  const atRank = new Float64Array(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (sorted[k]! * m) / (k + 1));
    atRank[k] = running;
  }
  const q = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = pValues[i]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    q[i] = atRank[lo - 1]!;
  }
  return q;
}
