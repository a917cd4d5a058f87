import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import type { SourceRow, TableSource } from './table-source.ts';
import type { WorkbookFormat } from './workbook-format.ts';
import { odsEncrypted } from './workbook-format.ts';

/** One sheet of a workbook: its table, or why it cannot be one. */
export interface WorkbookSheet {
  name: string;
  source: TableSource | Reason;
}

/**
 * The sheets a run reads from a workbook: `[]` the first sheet, `['all']`
 * (or `['全部']`) every sheet, otherwise the sheets of those names. A sheet
 * really named `all` or `全部` is read by that name.
 */
export type SheetChoice = readonly string[];

/** Whether a choice asks for every sheet of a workbook with these sheets. */
function choosesAll(choice: SheetChoice, names: readonly string[]): boolean {
  return choice.length === 1 && (choice[0] === 'all' || choice[0] === '全部') && !names.includes(choice[0]);
}

/** The reader (SheetJS) with its code pages, loaded on the first workbook only: 0.3 s a CSV run does not pay. */
async function sheetjs(): Promise<typeof import('@e965/xlsx')> {
  const [xlsx, cpexcel] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
  // BIFF5 (.xls of Excel 5.0/95) keeps text in the workbook's code page, 936 for Chinese
  xlsx.set_cptable(cpexcel);
  return xlsx;
}

/** The stream names of an OLE compound file (to tell an .xls from an encrypted .xlsx). */
export async function compoundStreams(bytes: Uint8Array): Promise<readonly string[]> {
  const xlsx = await sheetjs();
  return (xlsx.CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[] }).FullPaths;
}

/**
 * Open a workbook (.xlsx, .xls BIFF8/BIFF5, .ods) and return the chosen
 * sheets as tables: row 1 is the header, a row's line is its row number.
 * Formula cells give their stored result, dates `YYYY-MM-DD`, a merged
 * range's value holds for every cell it covers. Returns the reason
 * when the workbook cannot be opened or lacks a named sheet.
 */
export async function workbookSheets(
  bytes: Uint8Array,
  format: WorkbookFormat,
  choice: SheetChoice,
): Promise<{ sheets: WorkbookSheet[]; all: boolean } | Reason> {
  const xlsx = await sheetjs();
  // one read: the chosen sheets (the first by index; every sheet for `all`, whose name is known only
  // after the read); SheetNames lists every sheet either way
  const keyword = choice.length === 1 && (choice[0] === 'all' || choice[0] === '全部');
  const options = { type: 'buffer', dense: true, cellNF: true, cellText: false, cellHTML: false, cellStyles: false } as const;
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = xlsx.read(bytes, { ...options, ...(keyword ? {} : { sheets: choice.length === 0 ? 0 : [...new Set(choice)] }) });
  } catch (e) {
    if (format === 'ods' && odsEncrypted(bytes)) return PROTECTED;
    return unreadable(format, (e as Error).message);
  }
  const all = book.SheetNames;
  if (all.length === 0) return say('corpus/workbook-no-sheets');
  const every = choosesAll(choice, all);
  const names = choice.length === 0 ? [all[0]!] : every ? all : [...new Set(choice)];
  const missing = names.filter((n) => !all.includes(n));
  if (missing.length > 0) return say('corpus/no-sheet-named', { names: missing.map((n) => `"${n}"`).join(', '), sheets: all.join(', ') });
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return { sheets: names.map((name) => ({ name, source: sheetTable(xlsx, book.Sheets[name]!, date1904, format) })), all: every };
}

type Cell = import('@e965/xlsx').CellObject;

function sheetTable(
  xlsx: typeof import('@e965/xlsx'),
  ws: import('@e965/xlsx').WorkSheet,
  date1904: boolean,
  format: WorkbookFormat,
): TableSource | Reason {
  const data = (ws['!data'] ?? []) as (Cell | undefined)[][];
  // a merged range shows its top-left value in every cell it covers, as the sheet displays it
  for (const m of ws['!merges'] ?? []) {
    const top = data[m.s.r]?.[m.s.c];
    if (!top) continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        const row = (data[r] ??= []);
        if (!row[c] || row[c]!.t === 'z') row[c] = top;
      }
    }
  }
  const text = (cell: Cell | undefined): string => cellText(xlsx, cell, date1904);
  const headerRow = data[0] ?? [];
  const width = ws['!ref'] ? xlsx.utils.decode_range(ws['!ref']).e.c + 1 : headerRow.length;
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(text(headerRow[c]).trim());
  if (headers.every((h) => h === '')) return say('corpus/empty-sheet');
  function* rows(): Generator<SourceRow> {
    for (let r = 1; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const values = headers.map((_, c) => text(row[c]));
      if (values.every((v) => v === '')) continue;
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h !== '' && !(h in cells)) cells[h] = values[i]!;
      });
      yield { kind: 'row', line: r + 1, cells };
    }
  }
  return { headers, rows: rows(), encoding: format };
}

function cellText(xlsx: typeof import('@e965/xlsx'), cell: Cell | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && xlsx.SSF.is_date(cell.z)) {
        const d = xlsx.SSF.parse_date_code(v, { date1904 });
        if (d) return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
      }
      return String(v);
    }
    case 'd':
      return (cell.v as Date).toISOString().slice(0, 10);
    case 'e':
    case 'z':
      return '';
    default:
      return String(cell.v);
  }
}

const PROTECTED = say('corpus/workbook-protected');

function unreadable(format: WorkbookFormat, message: string): Reason {
  if (/password|encrypt/i.test(message)) return PROTECTED;
  return say('corpus/workbook-unreadable', { format: format.toUpperCase(), detail: message });
}
