import type { CountTable } from '../matrix/count-table.ts';
import { allocateTable } from '../matrix/count-table.ts';
import { sortEntries } from '../matrix/sort-entries.ts';

/**
 * Documents' counts as a reader sees them: a word also counts where it
 * stands inside a longer word of the text (客运 in 客运市场, 出租车 in
 * 出租车管理), as the list's reader finds it there. For every term of the
 * table, the table's other terms of two or more characters that it
 * contains are added to each document holding it, with its count (summed
 * when several longer words hold one). The vocabulary and its numbering stay;
 * `index` gives each term's number. A term `folded` says may stand for other
 * spellings (a synonym's canonical form: 违法搭建 for 违建) adds nothing: the
 * text may not hold its pieces.
 */
export function withInsideWords(
  table: CountTable,
  index: ReadonlyMap<string, number>,
  folded: (term: string) => boolean = () => false,
): CountTable {
  // term number → numbers of the shorter terms inside it
  const inside: (number[] | undefined)[] = [];
  table.vocab.forEach((term, id) => {
    const chars = [...term];
    if (chars.length < 3 || folded(term)) return;
    let found: number[] | undefined;
    for (let a = 0; a < chars.length; a++) {
      let s = '';
      for (let b = a; b < chars.length; b++) {
        s += chars[b];
        if (b === a || (a === 0 && b === chars.length - 1)) continue;
        const u = index.get(s);
        if (u !== undefined && !(found ??= []).includes(u)) found.push(u);
      }
    }
    if (found) inside[id] = found;
  });
  const n = table.starts.length - 1;
  const rows: Map<number, number>[] = [];
  let entries = 0;
  for (let d = 0; d < n; d++) {
    let row: Map<number, number> | undefined;
    for (let e = table.starts[d]!; e < table.starts[d + 1]!; e++) {
      const words = inside[table.ids[e]!];
      if (!words) continue;
      row ??= new Map();
      for (const u of words) row.set(u, (row.get(u) ?? 0) + table.counts[e]!);
    }
    entries += table.starts[d + 1]! - table.starts[d]!;
    if (row) {
      for (let e = table.starts[d]!; e < table.starts[d + 1]!; e++) {
        const id = table.ids[e]!;
        if (row.has(id)) row.set(id, row.get(id)! + table.counts[e]!);
      }
      rows[d] = row;
      for (const u of row.keys()) if (!holds(table, d, u)) entries++;
    }
  }
  const out = allocateTable(table.vocab, n, entries);
  let at = 0;
  for (let d = 0; d < n; d++) {
    out.starts[d] = at;
    const from = at;
    const row = rows[d];
    for (let e = table.starts[d]!; e < table.starts[d + 1]!; e++) {
      const id = table.ids[e]!;
      out.ids[at] = id;
      out.counts[at++] = row?.get(id) ?? table.counts[e]!;
    }
    if (row) {
      for (const [u, c] of row) {
        if (holds(table, d, u)) continue;
        out.ids[at] = u;
        out.counts[at++] = c;
      }
      sortEntries(out.ids, out.counts, from, at);
    } else if (!table.ascending[d]) sortEntries(out.ids, out.counts, from, at);
    out.ascending[d] = 1;
  }
  out.starts[n] = at;
  return out;
}

function holds(table: CountTable, d: number, id: number): boolean {
  for (let e = table.starts[d]!; e < table.starts[d + 1]!; e++) if (table.ids[e] === id) return true;
  return false;
}
