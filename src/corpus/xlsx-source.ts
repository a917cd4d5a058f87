import ExcelJS from 'exceljs';
import type { SourceRow, TableSource } from './table-source.ts';

/**
 * The first sheet of an XLSX workbook (or the sheet named `sheet`) as a
 * table: row 1 is the header. Formula cells give their cached result, rich
 * text its plain text, dates `YYYY-MM-DD`. Returns a string reason when the
 * workbook cannot be opened or has no such sheet.
 */
export async function xlsxSource(path: string, sheet?: string): Promise<TableSource | string> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    return `not a readable XLSX workbook: ${(e as Error).message}`;
  }
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!ws) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    return sheet === undefined ? 'workbook has no sheets' : `no sheet named "${sheet}" (sheets: ${names})`;
  }
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  const width = Math.max(ws.columnCount, headerRow.cellCount);
  for (let c = 1; c <= width; c++) headers.push(cellText(headerRow.getCell(c).value).trim());
  if (headers.every((h) => h === '')) return 'empty sheet: no header row';
  const rows: SourceRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h !== '' && !(h in cells)) cells[h] = cellText(row.getCell(i + 1).value);
    });
    rows.push({ kind: 'row', line: r, cells });
  }
  return { headers, rows, encoding: 'xlsx' };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
    return JSON.stringify(value);
  }
  return String(value);
}
