import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/matrix/seeded-random.ts';
import { csrOfPairs } from '../../src/matrix/csr-rows.ts';
import { seedCentres, sphericalKMeans } from '../../src/matrix/spherical-kmeans.ts';

/** Plain Lloyd rounds from the same start: every cosine computed every round (the reference). */
function lloyd(values: Float64Array, dim: number, centresIn: Float64Array, k: number): { assign: Int32Array; centres: Float64Array } {
  const n = values.length / dim;
  const centres = Float64Array.from(centresIn);
  const assign = new Int32Array(n).fill(-1);
  const dot = (i: number, c: number): number => {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      j = 0;
    for (; j + 3 < dim; j += 4) {
      s0 += values[i * dim + j]! * centres[c * dim + j]!;
      s1 += values[i * dim + j + 1]! * centres[c * dim + j + 1]!;
      s2 += values[i * dim + j + 2]! * centres[c * dim + j + 2]!;
      s3 += values[i * dim + j + 3]! * centres[c * dim + j + 3]!;
    }
    for (; j < dim; j++) s0 += values[i * dim + j]! * centres[c * dim + j]!;
    return s0 + s1 + (s2 + s3);
  };
  for (let round = 0; round < 100; round++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) if (dot(i, c) > bestSim) [bestSim, best] = [dot(i, c), c];
      if (assign[i] !== best) [assign[i], changed] = [best, changed + 1];
    }
    if (changed <= 0.001 * n) break;
    centres.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) centres[assign[i]! * dim + j]! += values[i * dim + j]!;
    for (let c = 0; c < k; c++) {
      const norm = Math.sqrt(centres.subarray(c * dim, (c + 1) * dim).reduce((a, v) => a + v * v, 0)) || 1;
      for (let j = 0; j < dim; j++) centres[c * dim + j]! /= norm;
    }
  }
  return { assign, centres };
}

/** n unit rows around `groups` random directions (spread `noise`), plus `zeros` rows of zeros. */
function rows(n: number, dim: number, groups: number, noise: number, zeros: number, seed: string): Float64Array {
  const random = seededRandom(seed);
  const axes = Array.from({ length: groups }, () => Array.from({ length: dim }, () => random() - 0.5));
  const values = new Float64Array((n + zeros) * dim);
  for (let i = 0; i < n; i++) {
    const axis = axes[i % groups]!;
    const v = axis.map((a) => a + noise * (random() - 0.5));
    const norm = Math.hypot(...v);
    v.forEach((x, j) => (values[i * dim + j] = x / norm));
  }
  return values;
}

describe('sphericalKMeans', () => {
  for (const [name, n, dim, groups, noise, k, zeros] of [
    ['well separated', 2000, 40, 5, 0.6, 5, 0],
    ['overlapping, more centres than groups', 1500, 30, 4, 2.5, 9, 0],
    ['with rows of zeros', 800, 17, 3, 1.5, 6, 7],
    ['diffuse, twelve centres moving for many rounds', 3000, 24, 5, 6, 12, 0],
  ] as const) {
    it(`skips rows by its distance bounds yet assigns exactly as plain Lloyd rounds do (${name})`, () => {
      const values = rows(n, dim, groups, noise, zeros, name);
      const start = seedCentres({ values, dim }, k, seededRandom(name));
      const result = sphericalKMeans({ values, dim }, k, () => 0, start);
      const reference = lloyd(values, dim, start, k);
      expect(result.assign).toEqual(reference.assign);
      expect(result.centres).toEqual(reference.centres);
    });
  }

  it("gives plain Lloyd rounds' assignments from a start where every centre sits in one group and must travel far", () => {
    const [n, dim, groups, k] = [2500, 30, 6, 8];
    const values = rows(n, dim, groups, 2, 0, 'far start');
    // rows 0, 6, 12, … all belong to the first group
    const start = new Float64Array(k * dim);
    for (let c = 0; c < k; c++) start.set(values.subarray(c * groups * dim, (c * groups + 1) * dim), c * dim);
    const result = sphericalKMeans({ values, dim }, k, () => 0, start);
    const reference = lloyd(values, dim, start, k);
    expect(result.assign).toEqual(reference.assign);
    expect(result.centres).toEqual(reference.centres);
  });
});

describe('sparse rows', () => {
  it('cluster as the same rows held dense do: compressed sparse rows, one sum per entry', () => {
    // 60 unit rows over 12 columns in three groups, each row three of its group's four columns
    const random = seededRandom('sparse');
    const dim = 12;
    const pairs = Array.from({ length: 60 }, (_, i) => {
      const group = i % 3;
      const cols = [0, 1, 2, 3].map((c) => group * 4 + c).filter(() => random() < 0.75);
      const chosen = cols.length > 0 ? cols : [group * 4];
      const v = 1 / Math.sqrt(chosen.length);
      return chosen.map((j) => [j, v] as [number, number]);
    });
    const dense = new Float64Array(60 * dim);
    pairs.forEach((r, i) => r.forEach(([j, v]) => (dense[i * dim + j] = v)));
    const sparse = sphericalKMeans({ values: new Float64Array(0), dim, sparse: csrOfPairs(pairs) }, 3, seededRandom('k'));
    const held = sphericalKMeans({ values: dense, dim }, 3, seededRandom('k'));
    expect(Array.from(sparse.assign)).toEqual(Array.from(held.assign));
    // the three groups, whatever their numbers
    const groupOf = new Map<number, number>();
    sparse.assign.forEach((c, i) => expect(groupOf.get(c) ?? groupOf.set(c, i % 3).get(c)).toBe(i % 3));
  });
});
