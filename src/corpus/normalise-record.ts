import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import type { FieldMap } from './field-map.ts';
import { parseDate } from './parse-date.ts';
import type { SuggestionRecord } from './record.ts';

/** Years a civic suggestion can plausibly carry. */
export const YEAR_RANGE = { min: 1949, max: 2100 } as const;

/** A row became a record, or was rejected for a reason. */
export type NormaliseResult = { ok: true; record: SuggestionRecord; warnings: Reason[] } | { ok: false; reason: Reason; ruleId: string };

const TRUE_WORDS = new Set(['是', '公开', '主动公开', '已公开', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '不公开', '未公开', '不予公开', 'n', 'no', 'false', '0', '×']);

/**
 * Turn a row's cells into a record. Text is NFC-normalised with control
 * characters (other than newline and tab) removed. Rejects a row with no
 * usable text, or with a year that cannot be read or is out of range.
 */
export function normaliseRecord(
  cells: Record<string, string>,
  columns: FieldMap,
  origin: { file: string; line: number; fallbackId: string },
): NormaliseResult {
  const get = (f: keyof FieldMap): string => {
    const col = columns[f];
    return col === undefined ? '' : cleanText(cells[col] ?? '');
  };
  const warnings: Reason[] = [];
  let removed = 0;
  for (const col of Object.values(columns)) removed += controlCharacters(cells[col] ?? '');
  if (removed > 0) warnings.push(say('corpus/control-characters', { n: removed, s: removed > 1 ? 's' : '' }));
  const title = get('title').trim();
  const text = (columns.text === undefined ? title : get('text')).trim();
  if (text === '') {
    return { ok: false, reason: say('corpus/empty-text'), ruleId: 'corpus/empty-text' };
  }
  let year: number | null = null;
  let date: string | null = null;
  const rawDate = get('date').trim();
  if (rawDate !== '') {
    const d = parseDate(rawDate);
    if (d) date = d.iso.length === 10 ? d.iso : null;
    else if (columns.year === undefined) {
      return {
        ok: false,
        reason: say('corpus/year-from-bad-date', { date: rawDate.slice(0, 40), hint: serialHint(rawDate) }),
        ruleId: 'corpus/bad-year',
      };
    } else warnings.push(say('corpus/bad-date', { date: rawDate.slice(0, 40) }));
    if (d && columns.year === undefined) year = d.year;
  }
  const rawYear = get('year').trim();
  if (rawYear !== '') {
    const y = parseDate(rawYear);
    if (!y)
      return {
        ok: false,
        reason: say('corpus/bad-year', { year: rawYear.slice(0, 40), hint: serialHint(rawYear) }),
        ruleId: 'corpus/bad-year',
      };
    year = y.year;
  }
  if (year !== null && (year < YEAR_RANGE.min || year > YEAR_RANGE.max)) {
    return {
      ok: false,
      reason: say('corpus/year-out-of-range', { year, min: YEAR_RANGE.min, max: YEAR_RANGE.max }),
      ruleId: 'corpus/bad-year',
    };
  }
  const rawDisclosed = get('disclosed').trim().toLowerCase();
  let disclosed: boolean | null = null;
  if (rawDisclosed !== '') {
    if (TRUE_WORDS.has(rawDisclosed)) disclosed = true;
    else if (FALSE_WORDS.has(rawDisclosed)) disclosed = false;
    else warnings.push(say('corpus/bad-disclosed', { value: rawDisclosed.slice(0, 20) }));
  }
  const mapped = new Set(Object.values(columns));
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(cells)) if (!mapped.has(k)) meta[k] = v;
  const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());
  return {
    ok: true,
    warnings,
    record: {
      id: get('id').trim() || origin.fallbackId,
      title,
      text,
      category: orNull(get('category')),
      year,
      session: orNull(get('session')),
      date,
      unit: orNull(get('unit')),
      result: orNull(get('result')),
      disclosed,
      meta,
      origin: { file: origin.file, line: origin.line },
    },
  };
}

function controlCharacters(s: string): number {
  // eslint-disable-next-line no-control-regex
  return (s.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g) ?? []).length;
}

/**
 * NFC, no control characters but newline and tab (C1 controls included; NEL,
 * U+0085, is a line end), CRLF/CR as LF. Excel's
 * escapes for line ends (`_x000D_`, `_x000A_`, `_x0009_`), which leak into
 * text when a workbook is converted to CSV by some tools, become the
 * characters they stand for, as an XLSX reader would make them.
 */
export function cleanText(s: string): string {
  return (
    s
      .replace(/_x000([DA9])_/g, (_, c: string) => (c === 'D' ? '\r' : c === 'A' ? '\n' : '\t'))
      .normalize('NFC')
      .replace(/\r\n?|\u0085/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g, '')
  );
}

/** What a bare number in a date or year field may be, said with the refusal: never guessed. */
function serialHint(raw: string): Reason | string {
  return /^\d{5,}(\.\d+)?$/.test(raw) ? say('corpus/serial-hint') : '';
}
