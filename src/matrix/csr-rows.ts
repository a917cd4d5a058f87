import type { Csr } from './truncated-svd.ts';

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
