/** A sparse matrix in compressed sparse rows: row i's entries are at rowStart[i] … rowStart[i + 1], columns ascending. */
export interface Csr {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

/** Rows of [column, value] pairs, columns ascending, as compressed sparse rows. */
export function csrOfPairs(rows: readonly (readonly (readonly [number, number])[])[]): Csr {
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (rowStart[i + 1] = rowStart[i]! + r.length));
  const cols = new Int32Array(rowStart[rows.length]!);
  const vals = new Float64Array(cols.length);
  rows.forEach((r, i) =>
    r.forEach(([j, v], e) => {
      cols[rowStart[i]! + e] = j;
      vals[rowStart[i]! + e] = v;
    }),
  );
  return { rowStart, cols, vals };
}

/** Per row: 1 when it has no entries. */
export function emptyRows(m: Csr): Uint8Array {
  const empty = new Uint8Array(m.rowStart.length - 1);
  for (let i = 0; i < empty.length; i++) empty[i] = m.rowStart[i + 1] === m.rowStart[i] ? 1 : 0;
  return empty;
}

/** from, from + 1, … to − 1. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** The given rows of a CSR matrix, with columns renumbered by `column` (entries in columns mapped to −1 left out). */
export function selectCsr(m: Csr, rows: readonly number[], column: Int32Array | null): Csr {
  const n = rows.length;
  const rowStart = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    let used = 0;
    for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++) if (!column || column[m.cols[e]!]! >= 0) used++;
    rowStart[r + 1] = rowStart[r]! + used;
  }
  const cols = new Int32Array(rowStart[n]!);
  const vals = new Float64Array(cols.length);
  for (let r = 0, at = 0; r < n; r++) {
    const i = rows[r]!;
    for (let e = m.rowStart[i]!; e < m.rowStart[i + 1]!; e++) {
      const j = column ? column[m.cols[e]!]! : m.cols[e]!;
      if (j < 0) continue;
      cols[at] = j;
      vals[at++] = m.vals[e]!;
    }
  }
  return { rowStart, cols, vals };
}
