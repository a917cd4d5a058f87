/** The fields every suggestion record has, whatever file it came from. */
export const RECORD_FIELDS = ['id', 'title', 'text', 'category', 'year', 'session', 'date', 'unit', 'result', 'disclosed'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Where a record came from: the file as given, its sheet (workbooks) and its 1-based line (workbooks: row). */
export interface Origin {
  file: string;
  sheet?: string;
  line: number;
}

/** One suggestion (代表建议) or message, normalised. */
export interface SuggestionRecord {
  id: string;
  title: string;
  text: string;
  category: string | null;
  year: number | null;
  session: string | null;
  /** ISO date `YYYY-MM-DD` when the source had one. */
  date: string | null;
  unit: string | null;
  /** Handling result, e.g. 解决采纳 / 正在解决 / 计划解决 / 留作参考. */
  result: string | null;
  disclosed: boolean | null;
  /** Source columns that are not one of the fields above, by header. */
  meta: Record<string, string>;
  origin: Origin;
}

/** A row that could not become a record, kept with its reason. */
export interface Reject {
  file: string;
  /** The workbook sheet (workbooks only). */
  sheet?: string;
  line: number;
  /** Why, in English; `reasonZh` in Chinese (the message catalogue). */
  reason: string;
  reasonZh: string;
  ruleId: string;
  /** The raw row (fields by header, or the raw line), truncated to a readable size. */
  raw: unknown;
}

/** A raw row as read from a file: cells by header, before normalisation. */
export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

/** Ids in code-unit order, as `<` compares them: the order every stage keeps suggestions in. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
