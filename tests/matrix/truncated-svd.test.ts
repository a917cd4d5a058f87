import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/matrix/seeded-random.ts';
import { projectRows, symmetricEigen, truncatedSvd } from '../../src/matrix/truncated-svd.ts';
import { csrOfPairs } from '../../src/matrix/csr-rows.ts';

describe('truncated SVD', () => {
  it('diagonalises a symmetric matrix', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect([...values].sort()).toEqual([expect.closeTo(1, 10), expect.closeTo(3, 10)]);
    const i3 = values[0]! > values[1]! ? 0 : 1;
    expect(Math.abs(vectors[0]![i3]!)).toBeCloseTo(Math.SQRT1_2, 10);
  });

  it('diagonalises a Gram matrix as large as the topics ask: A v = λ v, the vectors orthonormal', () => {
    // B Bᵀ of a 110 × 400 uniform B with a row given three times (a double eigenvalue 0), as truncatedSvd forms it
    const random = seededRandom('eigen');
    const b = Array.from({ length: 110 }, () => Array.from({ length: 400 }, () => random() - 0.5));
    b[7] = [...b[3]!];
    b[8] = [...b[3]!];
    const a = b.map((x) => b.map((y) => x.reduce((sum, xi, k) => sum + xi * y[k]!, 0)));
    const { values, vectors } = symmetricEigen(a);
    const n = a.length;
    const column = (k: number): number[] => vectors.map((row) => row[k]!);
    let worst = 0;
    for (let k = 0; k < n; k++) {
      const x = column(k);
      for (let i = 0; i < n; i++) {
        const ax = a[i]!.reduce((sum, aij, j) => sum + aij * x[j]!, 0);
        worst = Math.max(worst, Math.abs(ax - values[k]! * x[i]!));
      }
      for (let j = 0; j <= k; j++) {
        const dot = x.reduce((sum, xi, i) => sum + xi * column(j)[i]!, 0);
        expect(dot).toBeCloseTo(j === k ? 1 : 0, 10);
      }
    }
    expect(worst).toBeLessThan(1e-9 * Math.max(...values.map(Math.abs)));
    // the two repeated rows leave two eigenvalues of 0
    expect(values.filter((x) => Math.abs(x) < 1e-9)).toHaveLength(2);
  });

  it('finds the singular values and directions of a low-rank matrix', () => {
    // rows are multiples of two orthogonal directions u = e0+e1, w = e2−e3 (rank 2)
    const rows = Array.from(
      { length: 40 },
      (_, i) =>
        (i % 2 === 0
          ? [
              [0, 1 + i],
              [1, 1 + i],
            ]
          : [
              [2, 0.5 * i],
              [3, -0.5 * i],
            ]) as [number, number][],
    );
    const basis = truncatedSvd(csrOfPairs(rows), 4, 2, seededRandom('t'));
    // σ² = Σ of the squared row norms along each direction
    const s1 = Math.sqrt(rows.filter((_, i) => i % 2 === 0).reduce((a, r) => a + 2 * r[0]![1] ** 2, 0));
    const s2 = Math.sqrt(rows.filter((_, i) => i % 2 === 1).reduce((a, r) => a + 2 * r[0]![1] ** 2, 0));
    expect(basis.singularValues[0]).toBeCloseTo(Math.max(s1, s2), 6);
    expect(basis.singularValues[1]).toBeCloseTo(Math.min(s1, s2), 6);
    const x = projectRows(csrOfPairs(rows), basis);
    // every row lies on one direction: its unit projection is (±1, 0) or (0, ±1)
    for (let i = 0; i < rows.length; i++) expect(Math.max(Math.abs(x[2 * i]!), Math.abs(x[2 * i + 1]!))).toBeCloseTo(1, 6);
    // the same seed gives the same bytes
    expect(projectRows(csrOfPairs(rows), truncatedSvd(csrOfPairs(rows), 4, 2, seededRandom('t')))).toEqual(x);
  });

  it("projects each coordinate as one sum over the row's entries in order, with or without renumbered columns", () => {
    // rows of 0–30 entries, and one of 250, over 900 columns, of which the basis keeps every third;
    // 7 and 19 coordinates (sums eight, two and one at a time); the reference adds entry by entry
    // into each coordinate
    const random = seededRandom('p');
    const rows = Array.from({ length: 51 }, (_, i) => {
      const cols = [...new Set(Array.from({ length: i === 50 ? 250 : i % 31 }, () => Math.floor(random() * 900)))].sort((a, b) => a - b);
      return cols.map((j) => [j, random() - 0.3] as [number, number]);
    });
    const column = Int32Array.from({ length: 900 }, (_, j) => (j % 3 === 0 ? j / 3 : -1));
    const kept = rows.map((r) => r.filter(([j]) => column[j]! >= 0).map(([j, v]) => [column[j]!, v] as [number, number]));
    expect(kept[50]!.length).toBeGreaterThan(64);
    for (const rank of [7, 19]) {
      const basis = truncatedSvd(csrOfPairs(kept), 300, rank, seededRandom('q'));
      const reference = new Float64Array(rows.length * rank);
      kept.forEach((r, i) => {
        for (const [j, v] of r) for (let k = 0; k < rank; k++) reference[i * rank + k]! += v * basis.directions[k]![j]!;
        const norm = Math.sqrt(reference.subarray(i * rank, (i + 1) * rank).reduce((a, x) => a + x * x, 0));
        if (norm > 0) for (let k = 0; k < rank; k++) reference[i * rank + k]! /= norm;
      });
      expect(projectRows(csrOfPairs(kept), basis)).toEqual(reference);
      expect(projectRows(csrOfPairs(rows), basis, column)).toEqual(reference);
    }
  });
});
