import { describe, expect, it } from 'vitest';
import { DotKernel, HeldColumns, HeldCsr } from '../../src/matrix/dot-kernel.ts';
import { dotAt } from '../../src/matrix/dot-product.ts';
import { seededRandom } from '../../src/matrix/seeded-random.ts';
import { bestOfRestarts, seedCentres, sphericalKMeans } from '../../src/matrix/spherical-kmeans.ts';

/** n unit rows of `dim` around a few random directions. */
function unitRows(n: number, dim: number, seed: string): Float64Array {
  const random = seededRandom(seed);
  const axes = Array.from({ length: 4 }, () => Array.from({ length: dim }, () => random() - 0.5));
  const values = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const v = axes[i % 4]!.map((a) => a + 3 * (random() - 0.5));
    const norm = Math.hypot(...v);
    v.forEach((x, j) => (values[i * dim + j] = x / norm));
  }
  return values;
}

describe('DotKernel', () => {
  it("gives dotAt's bits for every length, the tail included", () => {
    for (const dim of [1, 2, 3, 4, 5, 7, 8, 9, 100, 101, 103]) {
      const values = unitRows(20, dim, `d${dim}`);
      const kernel = new DotKernel({ values, dim }, 3);
      const centres = kernel.centres('work', 3);
      centres.set(values.subarray(5 * dim, 8 * dim));
      const dot = kernel.dotter(centres);
      for (let i = 0; i < 20; i++) for (let c = 0; c < 3; c++) expect(dot(i, c)).toBe(dotAt(values, i * dim, values, (5 + c) * dim, dim));
    }
  });

  it('gives k-means the same seeding, clustering and restarts as rows in plain arrays', () => {
    for (const dim of [100, 37]) {
      const values = unitRows(1500, dim, `k${dim}`);
      const plain = { values, dim };
      const held = new DotKernel(plain, 9).rows;
      expect(seedCentres(held, 9, seededRandom('s'))).toEqual(seedCentres(plain, 9, seededRandom('s')));
      expect(sphericalKMeans(held, 9, seededRandom('r'))).toEqual(sphericalKMeans(plain, 9, seededRandom('r')));
      expect(bestOfRestarts(held, 6, 5, seededRandom('b'))).toEqual(bestOfRestarts(plain, 6, 5, seededRandom('b')));
    }
    // rows that are not unit vectors (zeros, a doubled row) take every cosine in every round, the others are bounded
    const values = unitRows(800, 20, 'mixed');
    values.fill(0, 3 * 20, 4 * 20);
    for (let j = 0; j < 20; j++) values[7 * 20 + j]! *= 2;
    const plain = { values, dim: 20 };
    const held = new DotKernel(plain, 7).rows;
    const run = sphericalKMeans(held, 7, seededRandom('m'));
    expect(run).toEqual(sphericalKMeans(plain, 7, seededRandom('m')));
    expect(run.assign[3]).toBe(0);
  });

  it('sums rows into their centres as one add at a time, in row order, every length', () => {
    for (const dim of [1, 2, 3, 5, 8, 37, 100]) {
      const values = unitRows(50, dim, `a${dim}`);
      const kernel = new DotKernel({ values, dim }, 4);
      const random = seededRandom(`assign${dim}`);
      const assign = Int32Array.from({ length: 50 }, () => Math.floor(random() * 3));
      const expected = new Float64Array(4 * dim);
      for (let i = 0; i < 50; i++) for (let j = 0; j < dim; j++) expected[assign[i]! * dim + j]! += values[i * dim + j]!;
      const centres = kernel.centres('work', 4);
      const bounds = kernel.bounds(4);
      bounds.assign.set(assign);
      kernel.addRows(bounds, centres);
      expect(centres).toEqual(expected);
      // centre 3 has no row: zeros
      expect(centres.subarray(3 * dim).every((v) => v === 0)).toBe(true);
    }
  });

  it('says so when asked for more centres than it has room for', () => {
    const kernel = new DotKernel({ values: unitRows(10, 8, 'r'), dim: 8 }, 4);
    expect(() => kernel.centres('work', 5)).toThrow(/at most 4 centres/);
  });
});

describe('HeldColumns', () => {
  it("takes Gram–Schmidt's step as JS does: c −= d·q, then next · c over the new values, every length", () => {
    for (const length of [1, 3, 4, 6, 9, 100, 1003]) {
      const random = seededRandom(`g${length}`);
      const cols = Array.from({ length: 4 }, () => Float64Array.from({ length }, () => random() - 0.5));
      const reference = cols.map((c) => Float64Array.from(c));
      const held = new HeldColumns(cols);
      expect(held.dot(0, 1)).toBe(dotAt(reference[0]!, 0, reference[1]!, 0, length));
      // next another column, then next the column itself (its squared norm)
      for (const [c, q, next] of [
        [2, 0, 1],
        [3, 1, 3],
      ] as const) {
        const d = dotAt(reference[q]!, 0, reference[c]!, 0, length);
        for (let i = 0; i < length; i++) reference[c]![i] = reference[c]![i]! - d * reference[q]![i]!;
        expect(held.subtractAndDot(c, q, d, next)).toBe(dotAt(reference[next]!, 0, reference[c]!, 0, length));
      }
      expect(held.views.map((v) => Float64Array.from(v))).toEqual(reference);
    }
  });
});

describe('HeldCsr', () => {
  it('multiplies by A and by Aᵀ as one vector at a time in JS, every count of vectors, empty rows too', () => {
    const random = seededRandom('csr');
    const n = 40;
    const columns = 57;
    const rowStart = new Int32Array(n + 1);
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < n; i++) {
      // every fifth row empty, the others up to 12 entries in column order
      const picked =
        i % 5 === 0 ? [] : [...new Set(Array.from({ length: 1 + (i % 12) }, () => Math.floor(random() * columns)))].sort((a, b) => a - b);
      for (const j of picked) {
        cols.push(j);
        vals.push(random() - 0.4);
      }
      rowStart[i + 1] = cols.length;
    }
    const a = { rowStart, cols: Int32Array.from(cols), vals: Float64Array.from(vals) };
    for (const l of [1, 2, 5, 8]) {
      const held = new HeldCsr(a, columns, l);
      const xs = Array.from({ length: l }, () => Float64Array.from({ length: columns }, () => random() - 0.5));
      const ys = Array.from({ length: l }, () => Float64Array.from({ length: n }, () => random() - 0.5));
      const times = xs.map((x) =>
        Float64Array.from({ length: n }, (_, i) => {
          let s = 0;
          for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) s += a.vals[e]! * x[a.cols[e]!]!;
          return s;
        }),
      );
      const transposed = ys.map((y) => {
        const out = new Float64Array(columns);
        for (let i = 0; i < n; i++) for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) out[a.cols[e]!]! += a.vals[e]! * y[i]!;
        return out;
      });
      // twice each: the memory is used again
      for (let round = 0; round < 2; round++) {
        expect(held.times(xs).views.map((v) => Float64Array.from(v))).toEqual(times);
        const t = held.transposedTimes(ys, 1);
        expect(t.views.slice(0, l).map((v) => Float64Array.from(v))).toEqual(transposed);
        expect(t.views[l]!.every((v) => v === 0)).toBe(true);
      }
    }
  });
});

describe('HeldColumns.subtractScaled', () => {
  it('takes c −= d·q as JS does, every length', () => {
    for (const length of [1, 2, 3, 8, 101]) {
      const random = seededRandom(`s${length}`);
      const cols = Array.from({ length: 2 }, () => Float64Array.from({ length }, () => random() - 0.5));
      const held = new HeldColumns(cols, 1);
      expect([...held.views[2]!]).toEqual(new Array(length).fill(0));
      held.subtractScaled(2, 0, -0.75);
      held.subtractScaled(0, 1, 1.25);
      const expected2 = Float64Array.from(cols[0]!, (q) => 0 - -0.75 * q);
      const expected0 = Float64Array.from(cols[0]!, (c, i) => c - 1.25 * cols[1]![i]!);
      expect(held.views[2]).toEqual(expected2);
      expect(held.views[0]).toEqual(expected0);
    }
  });
});
