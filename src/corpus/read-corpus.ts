import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { csvSource } from './csv-source.ts';
import { decodeText } from './decode-text.ts';
import type { FieldMap } from './field-map.ts';
import { resolveFieldMap } from './field-map.ts';
import { jsonlSource } from './jsonl-source.ts';
import { normaliseRecord } from './normalise-record.ts';
import type { Reject, SuggestionRecord } from './record.ts';
import type { TableSource } from './table-source.ts';
import { xlsxSource } from './xlsx-source.ts';

export interface ReadOptions {
  /** Source column per field; unmapped fields fall back to the usual headers. */
  map?: FieldMap;
  /** XLSX sheet name; default the first sheet. */
  sheet?: string;
  /** Ids already taken (by documents stored earlier), with where they came from. */
  knownIds?: ReadonlyMap<string, { file: string; line: number }>;
}

/** What was read from one input file. */
export interface SourceFileSummary {
  file: string;
  sha256: string;
  bytes: number;
  format: 'csv' | 'jsonl' | 'xlsx';
  encoding: string;
  read: number;
  accepted: number;
  rejected: number;
  /** The source column used for each field. */
  columns: FieldMap;
}

export interface CorpusResult {
  records: SuggestionRecord[];
  rejects: Reject[];
  diagnostics: Diagnostic[];
  files: SourceFileSummary[];
  /** read = accepted + rejected, over all files. */
  counts: { read: number; accepted: number; rejected: number };
}

/**
 * Read suggestion files (CSV, JSONL, XLSX; the format is sniffed from the
 * bytes, the extension only breaks ties) into records. Every row is either
 * accepted or rejected with file, line and reason; a file that cannot be read
 * at all becomes a fatal diagnostic for that file and the others go on.
 * Ids must be unique over all files; later duplicates are rejected.
 */
export async function readCorpus(files: readonly string[], options: ReadOptions = {}): Promise<CorpusResult> {
  const result: CorpusResult = { records: [], rejects: [], diagnostics: [], files: [], counts: { read: 0, accepted: 0, rejected: 0 } };
  const firstSeen = new Map<string, { file: string; line: number; text: string | null }>();
  for (const [id, origin] of options.knownIds ?? []) firstSeen.set(id, { ...origin, text: null });
  for (const file of files) {
    const fileProblem = (reason: string, ruleId: string, line = 1): void => {
      result.diagnostics.push({ file, line, reason, ruleId, source: 'corpus', fatal: true });
    };
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      fileProblem(`cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'corpus/unreadable-file', 0);
      continue;
    }
    const opened = await openTable(file, bytes, options.sheet);
    if (typeof opened.source === 'string') {
      fileProblem(opened.source, opened.source.startsWith('empty') ? 'corpus/empty-file' : 'corpus/unreadable-file');
      continue;
    }
    const source = opened.source;
    const { columns, missing } = resolveFieldMap(source.headers, options.map ?? {});
    if (missing.length > 0) {
      fileProblem(`--map names columns this file lacks: ${missing.join(', ')} (headers: ${source.headers.join(', ')})`, 'corpus/missing-column');
      continue;
    }
    if (columns.text === undefined && columns.title === undefined) {
      fileProblem(`no text column: none of the headers (${source.headers.join(', ')}) is a known text or title header; name it with --map text=COLUMN`, 'corpus/missing-column');
      continue;
    }
    if (opened.format !== 'xlsx' && /\.xlsx?$/i.test(file)) {
      result.diagnostics.push({ file, line: 0, reason: `named like a workbook but holds ${opened.format.toUpperCase()} text; read as ${opened.format.toUpperCase()}`, ruleId: 'corpus/format-by-content', source: 'corpus', fatal: false });
    }
    if (source.encoding !== 'utf-8' && source.encoding !== 'xlsx') {
      result.diagnostics.push({ file, line: 0, reason: `decoded as ${source.encoding.toUpperCase()}`, ruleId: 'corpus/encoding', source: 'corpus' });
    }
    if (columns.text === undefined) {
      result.diagnostics.push({ file, line: 1, reason: `no text column; using the title column "${columns.title}" as the text`, ruleId: 'corpus/title-as-text', source: 'corpus', fatal: false });
    }
    const summary: SourceFileSummary = {
      file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length,
      format: opened.format, encoding: source.encoding, read: 0, accepted: 0, rejected: 0, columns,
    };
    result.files.push(summary);
    const reject = (line: number, reason: string, ruleId: string, raw: unknown): void => {
      summary.rejected++;
      result.rejects.push({ file, line, reason, ruleId, raw: truncateRaw(raw) });
      result.diagnostics.push({ file, line, reason, ruleId, source: 'corpus', fatal: false });
    };
    const name = basename(file);
    for (const row of source.rows) {
      summary.read++;
      if (row.kind === 'error') {
        reject(row.line, row.reason, row.ruleId, row.raw);
        continue;
      }
      const norm = normaliseRecord(row.cells, columns, { file, line: row.line, fallbackId: `${name}:${row.line}` });
      if (!norm.ok) {
        reject(row.line, norm.reason, norm.ruleId, row.cells);
        continue;
      }
      const rec = norm.record;
      const prior = firstSeen.get(rec.id);
      if (prior) {
        const where = prior.text === null ? `stored from ${prior.file}:${prior.line}` : `first at ${prior.file}:${prior.line}`;
        const same = prior.text === null ? 'already in the database' : prior.text === rec.text ? 'same content' : 'different content';
        reject(row.line, `duplicate id "${rec.id}" (${same}; ${where})`, 'corpus/duplicate-id', row.cells);
        continue;
      }
      firstSeen.set(rec.id, { file, line: row.line, text: rec.text });
      for (const w of norm.warnings) result.diagnostics.push({ file, line: row.line, reason: w, ruleId: 'corpus/field-value', source: 'corpus', fatal: false });
      summary.accepted++;
      result.records.push(rec);
    }
    result.counts.read += summary.read;
    result.counts.accepted += summary.accepted;
    result.counts.rejected += summary.rejected;
  }
  return result;
}

async function openTable(
  file: string,
  bytes: Buffer,
  sheet: string | undefined,
): Promise<{ source: TableSource | string; format: SourceFileSummary['format'] }> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return { source: await xlsxSource(file, sheet), format: 'xlsx' };
  if (bytes.length === 0) return { source: 'empty file', format: 'csv' };
  const decoded = decodeText(bytes);
  if (!decoded || looksBinary(decoded.text)) {
    const ext = extname(file).toLowerCase();
    const hint = ext === '.xlsx' || ext === '.xls' ? ' (an .xls or damaged workbook? save it as .xlsx or CSV)' : '';
    return { source: `not a text file: the bytes are neither UTF-8, UTF-16 nor GB18030 text${hint}`, format: 'csv' };
  }
  const ext = extname(file).toLowerCase();
  const firstChar = decoded.text.trimStart()[0];
  const isJsonl = ext === '.jsonl' || ext === '.ndjson' || (ext !== '.csv' && firstChar === '{');
  return isJsonl
    ? { source: jsonlSource(decoded.text, decoded.encoding), format: 'jsonl' }
    : { source: csvSource(decoded.text, decoded.encoding), format: 'csv' };
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
