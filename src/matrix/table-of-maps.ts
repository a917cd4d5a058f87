import type { CountTable } from './count-table.ts';
import { rowsOf } from './count-table.ts';
import { CountTableBuilder } from './table-builders.ts';
import { TableCounts } from './table-counts.ts';

/** The table of `docs`' counts, each document's entries in the order of its Map. */
export function countTable(docs: readonly { terms: ReadonlyMap<string, number> }[]): CountTable {
  const { table, rows } = tableRows(docs);
  // the table's own rows in its own order: the table itself
  if (rows.length === table.starts.length - 1 && rows.every((r, i) => r === i)) return table;
  return rowsOf(table, [...rows]);
}

/**
 * The documents' counts as rows of a table, document i being row rows[i]:
 * when they are views of one table, that table and their rows in it (nothing
 * copied); else a new table of them, in their order.
 */
export function tableRows(docs: readonly { terms: ReadonlyMap<string, number> }[]): { table: CountTable; rows: Int32Array } {
  const first = docs[0]?.terms;
  if (first instanceof TableCounts && docs.every((d) => d.terms instanceof TableCounts && d.terms.table === first.table)) {
    return { table: first.table, rows: Int32Array.from(docs, (d) => (d.terms as TableCounts).index) };
  }
  const builder = new CountTableBuilder();
  for (const d of docs) builder.add(d.terms);
  return { table: builder.finish({ sortRows: false }), rows: Int32Array.from(docs, (_, i) => i) };
}
