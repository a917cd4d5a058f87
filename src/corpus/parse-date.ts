/** A calendar date found in a cell. */
export interface ParsedDate {
  year: number;
  /** `YYYY-MM-DD`, or `YYYY` alone when only the year is known. */
  iso: string;
}

/**
 * Read a date in the forms spreadsheets and web forms produce:
 * `2021-03-05 10:00:00`, `2021/3/5`, `2021.3.5`, `2021年3月5日`, `20210305`,
 * a bare year `2021` or `2021年`. Returns null for anything else, including
 * impossible dates (2021-02-30) and bare numbers such as `44260`: an Excel
 * serial day is read only from a real date cell (workbook-source.ts), never
 * guessed from text, where 45000 or 20210 would silently become a year.
 */
export function parseDate(value: string): ParsedDate | null {
  const s = value.trim();
  if (s === '') return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\s*年?$/.exec(s);
  if (m) return { year: Number(m[1]), iso: m[1]! };
  m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[1]), iso: m[1]! };
  return null;
}

function ymd(y: number, mo: number, d: number): ParsedDate | null {
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return { year: y, iso: `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
