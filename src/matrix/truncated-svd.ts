import type { Csr } from './csr-rows.ts';
import { HeldBasis, HeldColumns, HeldCsr } from './dot-kernel.ts';

/** Right singular vectors of a sparse matrix, to project rows on. */
export interface SingularBasis {
  /** `rank` vectors of length `columns`, by decreasing singular value. */
  directions: Float64Array[];
  singularValues: number[];
}

/**
 * The top `rank` right singular vectors of a sparse matrix, by a randomised
 * range finder (Halko, Martinsson & Tropp 2011) with `powerIterations`
 * subspace iterations and an exact eigen-decomposition of the small projected
 * matrix. `random` seeds the Gaussian test matrix, so the result is
 * deterministic for a given source. A vector's sign is fixed so that its
 * largest entry is positive.
 */
export function truncatedSvd(sparseRows: Csr, columns: number, rank: number, random: () => number, powerIterations = 3): SingularBasis {
  const rows = sparseRows;
  const n = rows.rowStart.length - 1;
  const l = Math.min(rank + 10, n, columns);
  const omega = Array.from({ length: l }, () => gaussianVector(columns, random));
  // between power iterations one Gram–Schmidt pass is enough (it only keeps the columns apart);
  // the basis that B is built on gets a second pass
  // the products with A take all l vectors at once, in WebAssembly (dot-kernel.ts HeldCsr: the same
  // bits); their results stay there for Gram–Schmidt and after
  const a = new HeldCsr(rows, columns, l);
  let y = a.times(omega);
  orthonormalise(y, 1);
  for (let q = 0; q < powerIterations; q++) {
    const z = a.transposedTimes(y.views);
    orthonormalise(z, 1);
    y = a.times(z.views);
    orthonormalise(y, q === powerIterations - 1 ? 2 : 1);
  }
  // B = Qᵀ A = W Σ Vᵀ, from the eigen-decomposition of B Bᵀ = W Σ² Wᵀ; then v_k = Bᵀ w_k / σ_k;
  // B's rows held, with one more column where the directions are summed
  const held = a.transposedTimes(y.views, 1);
  const work = held.views[l]!;
  // symmetric: each product once (the same sum either way round), dotAt's bits
  const c = Array.from({ length: l }, () => new Array<number>(l).fill(0));
  for (let i = 0; i < l; i++) for (let j = i; j < l; j++) c[i]![j] = c[j]![i] = held.dot(i, j);
  const { values, vectors } = symmetricEigen(c);
  const order = values
    .map((v, i) => [v, i] as const)
    .filter(([v]) => v > 1e-10)
    .sort((x, z) => z[0] - x[0] || x[1] - z[1])
    .slice(0, Math.min(rank, l));
  const directions = order.map(([lambda, k]) => {
    const sigma = Math.sqrt(lambda);
    work.fill(0);
    for (let m = 0; m < l; m++) {
      const w = vectors[m]![k]! / sigma;
      if (w === 0) continue;
      held.subtractScaled(l, m, -w);
    }
    const v = work.slice();
    let big = 0;
    for (let j = 0; j < columns; j++) if (Math.abs(v[j]!) > Math.abs(big)) big = v[j]!;
    if (big < 0) for (let j = 0; j < columns; j++) v[j] = -v[j]!;
    return v;
  });
  return { directions, singularValues: order.map(([v]) => Math.sqrt(v)) };
}

/**
 * Each row's coordinates on the basis (row · v_k = U Σ for the rows the basis came from),
 * L2-normalised, as one flat array of rows × rank; `column` renumbers the rows' columns to the
 * basis's (−1: a column the basis leaves out).
 */
export function projectRows(sparseRows: Csr, basis: SingularBasis, column: Int32Array | null = null): Float64Array {
  return projector(basis)(sparseRows, column);
}

/** projectRows for one basis and many sets of rows: the basis is laid out for it once. */
export function projector(basis: SingularBasis): (sparseRows: Csr, column?: Int32Array | null) => Float64Array {
  const rank = basis.directions.length;
  // the directions as one columns × rank array, so a term's coordinates sit together, held in
  // WebAssembly memory where each row's coordinates are summed (dot-kernel.ts HeldBasis)
  const columns = basis.directions[0]?.length ?? 0;
  const held = new HeldBasis(columns, rank);
  const across = held.across;
  for (let k = 0; k < rank; k++) {
    const v = basis.directions[k]!;
    for (let j = 0; j < columns; j++) across[j * rank + k] = v[j]!;
  }
  return (sparseRows, column = null) => projectOn(sparseRows, held, column);
}

function projectOn(rows: Csr, held: HeldBasis, column: Int32Array | null): Float64Array {
  const { rowStart, cols, vals } = rows;
  const { rank } = held;
  const n = rowStart.length - 1;
  const out = new Float64Array(n * rank);
  // a row's entries (offset of their column's coordinates, and value), written straight into the
  // basis's memory, then its coordinates, each summing its products in entry order (so the same
  // bits as one product at a time)
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, rowStart[i + 1]! - rowStart[i]!);
  const { at, xs } = held.entries(longest);
  for (let i = 0; i < n; i++) {
    const o = i * rank;
    let m = 0;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = column ? column[cols[e]!]! : cols[e]!;
      if (j < 0) continue;
      at[m] = j * rank;
      xs[m++] = vals[e]!;
    }
    held.projectRow(m, out, o);
    let norm = 0;
    for (let k = 0; k < rank; k++) norm += out[o + k]! * out[o + k]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < rank; k++) out[o + k]! /= norm;
  }
  return out;
}

function gaussianVector(length: number, random: () => number): Float64Array {
  const v = new Float64Array(length);
  for (let i = 0; i < length; i += 2) {
    const u = Math.max(random(), 1e-300);
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * random();
    v[i] = r * Math.cos(t);
    if (i + 1 < length) v[i + 1] = r * Math.sin(t);
  }
  return v;
}

/**
 * Modified Gram–Schmidt (`passes` times; twice for a basis to rely on); a
 * column that vanishes stays zero. Each subtraction of a projection makes
 * the next dot product (or, after the last, the squared norm) in the same
 * pass over the column, the sums taken as dotAt takes them over the values
 * just written; the passes run on columns held in WebAssembly memory
 * (dot-kernel.ts: the same operations in the same order as in JS, so the
 * same bits, and about four times faster).
 */
function orthonormalise(held: HeldColumns, passes: number): void {
  const count = held.views.length;
  if (count === 0) return;
  for (let pass = 0; pass < passes; pass++) {
    for (let k = 0; k < count; k++) {
      let d = k > 0 ? held.dot(0, k) : held.dot(k, k);
      for (let p = 0; p < k; p++) d = held.subtractAndDot(k, p, d, p + 1 < k ? p + 1 : k);
      const norm = Math.sqrt(d);
      const c = held.views[k]!;
      if (norm < 1e-12) c.fill(0);
      else for (let i = 0; i < c.length; i++) c[i]! /= norm;
    }
  }
}

/**
 * Eigenvalues and eigenvectors (columns: vectors[m][k] is entry m of vector k) of a small
 * symmetric matrix: Householder reduction to tridiagonal form, then the implicit QL method (tred2
 * and tql2 of EISPACK, as JAMA has them), in about a fifth of the time cyclic Jacobi rotations took
 * on the topics' 110 × 110 matrices (0.8 s of the 11 MB bench corpus's 8 s of topics).
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  // v: row k at k · n (v[k][j]); d the diagonal, e the subdiagonal
  const v = new Float64Array(n * n);
  matrix.forEach((r, i) => v.set(r, i * n));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tridiagonalise(v, d, e, n);
    diagonalise(v, d, e, n);
  }
  return {
    values: Array.from(d),
    vectors: Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * n, (i + 1) * n))),
  };
}

/** Householder reduction of the symmetric v to tridiagonal form (d, e), v becoming the transformation (EISPACK tred2). */
function tridiagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        v[j * n + i] = f;
        g = e[j]! + v[j * n + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j]! * d[k]!;
          e[k]! += v[k * n + j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
      }
    }
    d[i] = h;
  }
  // the transformations, accumulated
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** The tridiagonal (d, e) diagonalised by the implicit QL method, v accumulating its rotations (EISPACK tql2). */
function diagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      for (let iteration = 0; iteration < 200; iteration++) {
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (let k = 0; k < n; k++) {
            const at = k * n + i;
            h = v[at + 1]!;
            v[at + 1] = s * v[at]! + c * h;
            v[at] = c * v[at]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
        if (!(Math.abs(e[l]!) > eps * tst1)) break;
      }
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}
