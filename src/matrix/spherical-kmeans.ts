import { dotAt } from './dot-product.ts';
import type { BoundState, UnitRows } from './unit-rows.ts';

/**
 * Unit vectors of length `dim`, stored flat (row i is values[i * dim … (i + 1) * dim))
 * or, when `sparse` is given, as compressed sparse rows (values unused).
 */

function rowCount(x: UnitRows): number {
  return x.sparse ? x.sparse.rowStart.length - 1 : x.values.length / x.dim;
}

export interface Clustering {
  assign: Int32Array;
  /** k centres, flat, unit length. */
  centres: Float64Array;
  /** Summed cosine of every row to its centre (higher is tighter). */
  objective: number;
}

function rowDot(x: UnitRows, i: number, c: Float64Array, k: number): number {
  if (!x.sparse) return dotAt(x.values, i * x.dim, c, k * x.dim, x.dim);
  const b = k * x.dim;
  const { rowStart, cols, vals } = x.sparse;
  let s = 0;
  for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) s += vals[e]! * c[b + cols[e]!]!;
  return s;
}

/** Adds row i of x to centre k. */
function addRow(x: UnitRows, i: number, c: Float64Array, k: number): void {
  const b = k * x.dim;
  if (x.sparse) {
    const { rowStart, cols, vals } = x.sparse;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) c[b + cols[e]!]! += vals[e]!;
    return;
  }
  const a = i * x.dim;
  const { dim, values } = x;
  let j = 0;
  // four entries a step (each entry's sum is the same as one at a time)
  for (; j + 3 < dim; j += 4) {
    c[b + j]! += values[a + j]!;
    c[b + j + 1]! += values[a + j + 1]!;
    c[b + j + 2]! += values[a + j + 2]!;
    c[b + j + 3]! += values[a + j + 3]!;
  }
  for (; j < dim; j++) c[b + j]! += values[a + j]!;
}

/**
 * Spherical k-means (cosine similarity, unit centres) with k-means++ seeding
 * drawn from `random` (or from `initial` centres); stops when at most 0.1% of
 * the rows move in a round (a few borderline rows can flip back and forth for
 * dozens of rounds) or after 100 rounds. A row of zeros is assigned to the
 * first centre.
 */
export function sphericalKMeans(x: UnitRows, k: number, random: () => number, initial?: Float64Array): Clustering {
  const n = rowCount(x);
  const { dim, kernel } = x;
  const centres = kernel ? kernel.centres('work', k) : new Float64Array(k * dim);
  centres.set(initial ?? seedCentres(x, k, random));
  const dotRow = kernel ? kernel.dotter(centres) : (i: number, c: number): number => rowDot(x, i, centres, c);
  // Elkan's bounds, in chord distance √(2 − 2·cos) (a metric on the unit sphere): `upper` ≥ the
  // distance to the own centre, `lower[i·k + c]` ≤ the distance to centre c. A centre is not
  // compared when its lower bound, or half its distance from the own centre, exceeds `upper`:
  // it cannot be nearer. Only unit rows are bounded, and only in rounds whose centres are all unit
  // vectors; the assignments are those of computing every cosine (ties to the lowest index).
  const bounds: BoundState = kernel
    ? kernel.bounds(k)
    : {
        assign: new Int32Array(n).fill(-1),
        unit: new Int32Array(n),
        upper: new Float64Array(n),
        lower: new Float64Array(n * k),
        moved: new Float64Array(k),
        alone: new Float64Array(k),
        apart: new Float64Array(k * k),
      };
  const { assign, unit, moved, alone, apart } = bounds;
  for (let i = 0; i < n; i++) unit[i] = Math.abs(squaredNorm(x, i) - 1) < 1e-9 ? 1 : 0;
  let bounded = false;
  const previous = new Float64Array(k * dim);
  for (let round = 0; round < 100; round++) {
    if (bounded) {
      // half the distance between centres, and to each centre's nearest other
      alone.fill(Infinity);
      for (let a = 0; a < k; a++)
        for (let c = a + 1; c < k; c++) {
          const half = chord(dotAt(centres, a * dim, centres, c * dim, dim)) / 2;
          apart[a * k + c] = apart[c * k + a] = half;
          if (half < alone[a]!) alone[a] = half;
          if (half < alone[c]!) alone[c] = half;
        }
    }
    const changed = kernel ? kernel.assignRound(bounds, centres, k, bounded) : assignRound(bounds, dotRow, k, bounded);
    if (changed <= 0.001 * n) break;
    previous.set(centres);
    centres.fill(0);
    if (kernel) kernel.addRows(bounds, centres);
    else for (let i = 0; i < n; i++) addRow(x, i, centres, assign[i]!);
    bounded = true;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += centres[c * dim + j]! ** 2;
      if (norm === 0) bounded = false;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < dim; j++) centres[c * dim + j]! /= norm;
      let d = 0;
      for (let j = 0; j < dim; j++) d += (centres[c * dim + j]! - previous[c * dim + j]!) ** 2;
      moved[c] = Math.sqrt(d);
      if (Math.abs(previous.subarray(c * dim, (c + 1) * dim).reduce((a, v) => a + v * v, 0) - 1) > 1e-9) bounded = false;
    }
  }
  let objective = 0;
  for (let i = 0; i < n; i++) objective += dotRow(i, assign[i]!);
  // a kernel's room is used again by the next run
  return { assign: kernel ? assign.slice() : assign, centres: kernel ? centres.slice() : centres, objective };
}

/**
 * Elkan's bounds of a k-means run (see sphericalKMeans): per row its centre (-1 before the first
 * round), whether it is a unit vector (1) and `upper`; per row and centre `lower`; per centre how
 * far it `moved` in the last update and half its distance to the nearest other (`alone`); per
 * pair half their distance (`apart`, k × k).
 */

/**
 * One round of assignments: each row to its nearest centre by cosine (`dot(i, c)`), skipping the
 * centres the bounds rule out when `bounded`; updates the bounds and returns the rows that changed
 * centre. DotKernel.assignRound does the same in WebAssembly, test for test.
 */
function assignRound(b: BoundState, dot: (i: number, c: number) => number, k: number, bounded: boolean): number {
  const { assign, unit, upper, lower, moved, alone, apart } = b;
  let changed = 0;
  for (let i = 0; i < assign.length; i++) {
    const row = i * k;
    let best = assign[i]!;
    if (bounded && unit[i]) {
      upper[i]! += moved[best]!;
      for (let c = 0; c < k; c++) lower[row + c] = Math.max(0, lower[row + c]! - moved[c]!);
      if (upper[i]! + BOUND_SLACK < alone[best]!) continue;
      let bestSim = NaN;
      for (let c = 0; c < k; c++) {
        if (c === best) continue;
        if (upper[i]! + BOUND_SLACK < lower[row + c]! || upper[i]! + BOUND_SLACK < apart[best * k + c]!) continue;
        if (Number.isNaN(bestSim)) {
          bestSim = dot(i, best);
          upper[i] = lower[row + best] = chord(bestSim);
          if (upper[i]! + BOUND_SLACK < lower[row + c]! || upper[i]! + BOUND_SLACK < apart[best * k + c]!) continue;
        }
        const s = dot(i, c);
        lower[row + c] = chord(s);
        if (s > bestSim || (s === bestSim && c < best)) {
          bestSim = s;
          best = c;
          upper[i] = lower[row + c]!;
        }
      }
    } else {
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(i, c);
        lower[row + c] = chord(s);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      upper[i] = chord(bestSim);
    }
    if (assign[i] !== best) {
      assign[i] = best;
      changed++;
    }
  }
  return changed;
}

/** k-means++ seeding: k rows as centres, each drawn with weight (1 − cosine to the nearest centre so far)². */
export function seedCentres(x: UnitRows, k: number, random: () => number): Float64Array {
  const n = rowCount(x);
  const centres = x.kernel ? x.kernel.centres('seed', k) : new Float64Array(k * x.dim);
  const dotRow = x.kernel ? x.kernel.dotter(centres) : (i: number, c: number): number => rowDot(x, i, centres, c);
  addRow(x, Math.min(n - 1, Math.floor(random() * n)), centres, 0);
  const nearest = new Float64Array(n).fill(-Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.max(nearest[i]!, dotRow(i, c - 1));
      total += Math.max(0, 1 - nearest[i]!) ** 2;
    }
    let r = random() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= Math.max(0, 1 - nearest[i]!) ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    addRow(x, pick, centres, c);
  }
  return x.kernel ? centres.slice() : centres;
}

/** Room for rounding in the bound test: a row is skipped only when its own centre is nearer by more than this. */
const BOUND_SLACK = 1e-9;

/** Chord distance between unit vectors with cosine s. */
function chord(s: number): number {
  return Math.sqrt(Math.max(0, 2 - 2 * s));
}

/** Row i's squared length. */
function squaredNorm(x: UnitRows, i: number): number {
  if (!x.sparse) return dotAt(x.values, i * x.dim, x.values, i * x.dim, x.dim);
  const { rowStart, vals } = x.sparse;
  let s = 0;
  for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) s += vals[e]! * vals[e]!;
  return s;
}

/** The tightest of `restarts` runs (highest summed cosine; the first on a tie). */
export function bestOfRestarts(x: UnitRows, k: number, restarts: number, random: () => number): Clustering {
  let best: Clustering | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = sphericalKMeans(x, k, random);
    if (!best || run.objective > best.objective) best = run;
  }
  return best!;
}

/** Cosine of row i to centre c. */
export function similarity(x: UnitRows, i: number, clustering: Clustering, c: number): number {
  return rowDot(x, i, clustering.centres, c);
}
