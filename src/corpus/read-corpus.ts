import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import { csvSource } from './csv-source.ts';
import { decodeText } from './decode-text.ts';
import type { FieldMap } from './field-map.ts';
import { resolveFieldMap } from './field-map.ts';
import { jsonlSource } from './jsonl-source.ts';
import { normaliseRecord } from './normalise-record.ts';
import { YEAR_RANGE } from './normalise-record.ts';
import type { Origin, Reject, SuggestionRecord } from './record.ts';
import type { TableSource } from './table-source.ts';
import type { Sniffed, WorkbookFormat } from './workbook-format.ts';
import { isCompoundFile, sniffWorkbook } from './workbook-format.ts';
import type { SheetChoice } from './workbook-source.ts';
import { compoundStreams, workbookSheets } from './workbook-source.ts';

export interface ReadOptions {
  /** Source column per field; unmapped fields fall back to the usual headers. */
  map?: FieldMap;
  /** Workbook sheets to read: a name, several, or `all`; default the first sheet. */
  sheet?: string | SheetChoice;
  /** Ids already taken (by documents stored earlier), with where they came from. */
  knownIds?: ReadonlyMap<string, Origin>;
}

/** What was read from one sheet of a workbook. */
export interface SheetSummary {
  name: string;
  read: number;
  accepted: number;
  rejected: number;
  /** The year the sheet's name gives to its rows that have none (null: the name is not a year). */
  year: number | null;
  /** Why the sheet was skipped (a sheet of `--sheet all` with no text column, say); absent when read. */
  skipped?: string;
}

/** What was read from one input file. */
export interface SourceFileSummary {
  file: string;
  sha256: string;
  bytes: number;
  format: 'csv' | 'jsonl' | WorkbookFormat;
  encoding: string;
  read: number;
  accepted: number;
  rejected: number;
  /** The source column used for each field (workbooks: of the first sheet read). */
  columns: FieldMap;
  /** Workbooks: every sheet read or skipped, in workbook order. */
  sheets?: SheetSummary[];
}

export interface CorpusResult {
  records: SuggestionRecord[];
  rejects: Reject[];
  diagnostics: Diagnostic[];
  files: SourceFileSummary[];
  /** read = accepted + rejected, over all files. */
  counts: { read: number; accepted: number; rejected: number };
}

/** A table of a file: the whole file (CSV, JSONL) or one sheet (workbooks). */
interface OpenedTable {
  sheet?: string;
  source: TableSource | Reason;
}

/**
 * Read suggestion files (CSV, JSONL, XLSX, XLS, ODS; the format is sniffed
 * from the bytes, the extension only breaks ties) into records. Every row is
 * either accepted or rejected with file, sheet, line and reason; a file that
 * cannot be read at all becomes a fatal diagnostic for that file and the
 * others go on. With `sheet: 'all'` a sheet that is not a table of
 * suggestions (no text column, empty) is skipped with a warning; a sheet
 * named like a year gives that year to its rows that have none. Ids must be
 * unique over all files; later duplicates are rejected.
 */
export async function readCorpus(files: readonly string[], options: ReadOptions = {}): Promise<CorpusResult> {
  const result: CorpusResult = { records: [], rejects: [], diagnostics: [], files: [], counts: { read: 0, accepted: 0, rejected: 0 } };
  const firstSeen = new Map<string, Origin & { text: string | null }>();
  for (const [id, origin] of options.knownIds ?? []) firstSeen.set(id, { ...origin, text: null });
  const choice: SheetChoice = options.sheet === undefined ? [] : typeof options.sheet === 'string' ? [options.sheet] : options.sheet;
  for (const file of files) {
    const fileProblem = (reason: Reason, ruleId: string, line = 1, sheet?: string): void => {
      result.diagnostics.push({ file, sheet, line, ...reason, ruleId, source: 'corpus', fatal: true });
    };
    let bytes: Buffer;
    try {
      // a FIFO or a device would block the read (or never end): only regular files are read
      const kind = await stat(file);
      if (!kind.isFile()) {
        const what = kind.isDirectory() ? 'folder' : kind.isFIFO() ? 'fifo' : kind.isSocket() ? 'socket' : 'device';
        fileProblem(say('corpus/not-regular-file', { what: say(`corpus/what-${what}`) }), 'corpus/unreadable-file', 0);
        continue;
      }
      bytes = await readFile(file);
    } catch (e) {
      fileProblem(
        say('corpus/cannot-read', { cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
        'corpus/unreadable-file',
        0,
      );
      continue;
    }
    const opened = await openTables(file, bytes, choice);
    if (!Array.isArray(opened.tables)) {
      fileProblem(opened.tables, opened.tables.reason.startsWith('empty') ? 'corpus/empty-file' : 'corpus/unreadable-file');
      continue;
    }
    const workbook = opened.format !== 'csv' && opened.format !== 'jsonl';
    const every = workbook && opened.all;
    // a table the run can read, with its columns; a sheet of `all` that is not one is skipped
    const usable: { sheet: string | undefined; source: TableSource; columns: FieldMap; counts: SheetSummary }[] = [];
    const sheets: SheetSummary[] = [];
    let fatal = false;
    for (const table of opened.tables) {
      const sheetYear = table.sheet === undefined ? null : yearOfSheetName(table.sheet);
      const readable = readableTable(table.source, options.map ?? {});
      if ('reason' in readable) {
        const reason = readable;
        const ruleId = reason.reason.startsWith('empty')
          ? 'corpus/empty-file'
          : reason.reason.includes('column')
            ? 'corpus/missing-column'
            : 'corpus/unreadable-file';
        if (every) {
          sheets.push({ name: table.sheet!, read: 0, accepted: 0, rejected: 0, year: sheetYear, skipped: reason.reason });
          result.diagnostics.push({
            file,
            sheet: table.sheet,
            line: 0,
            ...say('corpus/sheet-skipped', { reason }),
            ruleId,
            source: 'corpus',
            fatal: false,
          });
          continue;
        }
        fileProblem(reason, ruleId, 1, table.sheet);
        fatal = true;
        break;
      }
      const counts: SheetSummary = { name: table.sheet ?? '', read: 0, accepted: 0, rejected: 0, year: sheetYear };
      usable.push({ sheet: table.sheet, ...readable, counts });
      sheets.push(counts);
    }
    if (fatal) continue;
    if (usable.length === 0) {
      fileProblem(say('corpus/no-sheet-holds', { sheets: sheets.map((s) => s.name).join(', ') }), 'corpus/missing-column');
      continue;
    }
    if (workbook && /\.(csv|jsonl|ndjson|txt)$/i.test(file)) {
      result.diagnostics.push({
        file,
        line: 0,
        ...say('corpus/text-named-workbook', { format: opened.format.toUpperCase() }),
        ruleId: 'corpus/format-by-content',
        source: 'corpus',
        fatal: false,
      });
    }
    if (!workbook && /\.(xlsx?|ods|et)$/i.test(file)) {
      result.diagnostics.push({
        file,
        line: 0,
        ...say('corpus/workbook-named-text', { format: opened.format.toUpperCase() }),
        ruleId: 'corpus/format-by-content',
        source: 'corpus',
        fatal: false,
      });
    }
    const encoding = usable[0]!.source.encoding;
    if (!workbook && encoding !== 'utf-8') {
      result.diagnostics.push({
        file,
        line: 0,
        ...say('corpus/encoding', { encoding: encoding.toUpperCase() }),
        ruleId: 'corpus/encoding',
        source: 'corpus',
      });
    }
    const summary: SourceFileSummary = {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      format: opened.format,
      encoding,
      read: 0,
      accepted: 0,
      rejected: 0,
      columns: usable[0]!.columns,
      ...(workbook ? { sheets } : {}),
    };
    result.files.push(summary);
    const name = basename(file);
    for (const { sheet, source, columns, counts: sheetSummary } of usable) {
      const reject = (line: number, reason: Reason, ruleId: string, raw: unknown): void => {
        summary.rejected++;
        sheetSummary.rejected++;
        result.rejects.push({ file, ...(sheet === undefined ? {} : { sheet }), line, ...reason, ruleId, raw: truncateRaw(raw) });
        result.diagnostics.push({ file, sheet, line, ...reason, ruleId, source: 'corpus', fatal: false });
      };
      if (columns.text === undefined) {
        result.diagnostics.push({
          file,
          sheet,
          line: 1,
          ...say('corpus/title-as-text', { column: columns.title! }),
          ruleId: 'corpus/title-as-text',
          source: 'corpus',
          fatal: false,
        });
      }
      let yearFromSheet = 0;
      let otherYear = 0;
      for (const row of source.rows) {
        summary.read++;
        sheetSummary.read++;
        if (row.kind === 'error') {
          reject(row.line, row.reason, row.ruleId, row.raw);
          continue;
        }
        const fallbackId = sheet === undefined ? `${name}:${row.line}` : `${name}:${sheet}:${row.line}`;
        const norm = normaliseRecord(row.cells, columns, { file, line: row.line, fallbackId });
        if (!norm.ok) {
          reject(row.line, norm.reason, norm.ruleId, row.cells);
          continue;
        }
        const rec = norm.record;
        if (sheet !== undefined) rec.origin = { file, sheet, line: row.line };
        if (sheetSummary.year !== null) {
          if (rec.year === null) {
            rec.year = sheetSummary.year;
            yearFromSheet++;
          } else if (rec.year !== sheetSummary.year) otherYear++;
        }
        const prior = firstSeen.get(rec.id);
        if (prior) {
          const at = `${prior.file}${prior.sheet === undefined ? '' : `:${prior.sheet}`}:${prior.line}`;
          const where = prior.text === null ? say('corpus/stored-from', { at }) : say('corpus/first-at', { at });
          const same = say(
            prior.text === null
              ? 'corpus/duplicate-stored'
              : prior.text === rec.text
                ? 'corpus/duplicate-same'
                : 'corpus/duplicate-different',
          );
          reject(row.line, say('corpus/duplicate-id', { id: rec.id, same, where }), 'corpus/duplicate-id', row.cells);
          continue;
        }
        firstSeen.set(rec.id, { ...rec.origin, text: rec.text });
        for (const w of norm.warnings)
          result.diagnostics.push({ file, sheet, line: row.line, ...w, ruleId: 'corpus/field-value', source: 'corpus', fatal: false });
        summary.accepted++;
        sheetSummary.accepted++;
        result.records.push(rec);
      }
      if (yearFromSheet > 0) {
        result.diagnostics.push({
          file,
          sheet,
          line: 0,
          ...say('corpus/year-from-sheet', { n: yearFromSheet, year: sheetSummary.year! }),
          ruleId: 'corpus/year-from-sheet',
          source: 'corpus',
        });
      }
      if (otherYear > 0) {
        result.diagnostics.push({
          file,
          sheet,
          line: 0,
          ...say('corpus/year-not-sheet', { n: otherYear, year: sheetSummary.year! }),
          ruleId: 'corpus/year-from-sheet',
          source: 'corpus',
        });
      }
    }
    result.counts.read += summary.read;
    result.counts.accepted += summary.accepted;
    result.counts.rejected += summary.rejected;
  }
  return result;
}

/**
 * The year a sheet's name stands for: `2021`, `2021年`, `2021年度建议`,
 * `代表建议2021` — one four-digit year in 1949–2100 and no other number.
 */
export function yearOfSheetName(name: string): number | null {
  const numbers = name.match(/\d+/g) ?? [];
  if (numbers.length !== 1 || numbers[0]!.length !== 4) return null;
  const year = Number(numbers[0]);
  return year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}

/** Why a table cannot be read as suggestions, or the table with its columns. */
function readableTable(source: TableSource | Reason, map: FieldMap): Reason | { source: TableSource; columns: FieldMap } {
  if ('reason' in source) return source;
  const { columns, missing } = resolveFieldMap(source.headers, map);
  if (missing.length > 0) return say('corpus/map-missing-columns', { missing: missing.join(', '), headers: source.headers.join(', ') });
  if (columns.text === undefined && columns.title === undefined)
    return say('corpus/no-text-column', { headers: source.headers.join(', ') });
  return { source, columns };
}

async function openTables(
  file: string,
  bytes: Buffer,
  choice: SheetChoice,
): Promise<{ tables: OpenedTable[] | Reason; format: SourceFileSummary['format']; all?: boolean }> {
  const sniffed = await sniffBytes(bytes);
  if (sniffed.kind === 'unreadable') return { tables: sniffed.reason, format: 'xls' };
  if (sniffed.kind === 'workbook') {
    const sheets = await workbookSheets(bytes, sniffed.format, choice);
    if ('reason' in sheets) return { tables: sheets, format: sniffed.format };
    return { tables: sheets.sheets.map((s) => ({ sheet: s.name, source: s.source })), format: sniffed.format, all: sheets.all };
  }
  if (bytes.length === 0) return { tables: say('corpus/empty-file'), format: 'csv' };
  const decoded = decodeText(bytes);
  if (!decoded || looksBinary(decoded.text)) {
    const ext = extname(file).toLowerCase();
    const hint = /^\.(xlsx?|ods|et)$/.test(ext) ? say('corpus/damaged-workbook-hint') : '';
    return { tables: say('corpus/not-text', { hint }), format: 'csv' };
  }
  const ext = extname(file).toLowerCase();
  const firstChar = decoded.text.trimStart()[0];
  const isJsonl = ext === '.jsonl' || ext === '.ndjson' || (ext !== '.csv' && firstChar === '{');
  return isJsonl
    ? { tables: [{ source: jsonlSource(decoded.text, decoded.encoding) }], format: 'jsonl' }
    : { tables: [{ source: csvSource(decoded.text, decoded.encoding) }], format: 'csv' };
}

async function sniffBytes(bytes: Buffer): Promise<Sniffed> {
  if (!isCompoundFile(bytes)) return sniffWorkbook(bytes);
  try {
    return sniffWorkbook(bytes, await compoundStreams(bytes));
  } catch (e) {
    return sniffWorkbook(bytes, e as Error);
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  // text with a stray NUL or escape is still text (the characters are removed, with a warning);
  // binary data decodes to many of them
  return sample.length > 0 && control / sample.length > 0.05;
}

function truncateRaw(raw: unknown): unknown {
  if (typeof raw === 'string') return raw.length > 500 ? `${raw.slice(0, 500)}…` : raw;
  if (Array.isArray(raw)) return raw.map(truncateRaw);
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, truncateRaw(v)]));
  }
  return raw;
}
