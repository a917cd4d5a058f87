import type { Lang, Reason } from './messages.ts';
import { inLang, isMessageId, say } from './messages.ts';

/**
 * Problems are data with a place. Every stage reports what went wrong as a
 * Diagnostic instead of throwing; only `fatal` problems stop a run.
 * What is wrong is said in words an analyst can act on, in English
 * (`reason`) and Chinese (`reasonZh`), from the message catalogue.
 */
export interface Diagnostic extends Reason {
  /** The file the problem is in, as given by the user. */
  file: string;
  /** The workbook sheet the problem is in (workbooks only). */
  sheet?: string;
  /** 1-based line (CSV/JSONL physical line where the record starts, workbook row). 0 = the whole file (or sheet). */
  line: number;
  column?: number;
  /** A stable identifier of the kind of problem, e.g. `corpus/duplicate-id`. */
  ruleId: string;
  /** The stage that found it. */
  source: 'corpus' | 'segment' | 'score' | 'export' | 'config' | 'run';
  /** true: the run cannot go on; false: a warning; undefined: information. */
  fatal?: boolean;
}

const LEVELS = { zh: ['错误', '警告', '提示'], en: ['error', 'warning', 'info'] } as const;

/**
 * `file:line  警告  reason  ruleId` (workbooks: `file:sheet:row`), the form printed on stderr, in
 * `lang` (Chinese unless asked otherwise); the rule id stays as it is in every language.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'zh'): string {
  const file = d.sheet === undefined ? d.file : `${d.file}:${d.sheet}`;
  const place = d.line > 0 ? `${file}:${d.line}${d.column ? `:${d.column}` : ''}` : file;
  const level = LEVELS[lang][d.fatal ? 0 : d.fatal === false ? 1 : 2];
  return `${place}  ${level}  ${inLang(d, lang)}  ${d.ruleId}`;
}

/** Thrown for input that stops the whole run (a missing file, an unusable dictionary). */
export class FatalError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic({ ...diagnostic, fatal: true }, 'en'));
    this.name = 'FatalError';
    this.diagnostic = { ...diagnostic, fatal: true };
  }
}

/**
 * An error the user's environment caused (a full disk, a read-only folder, a
 * file that is not a database), as a FatalError naming `path` (or the
 * error's own) and the cause on one line; null for anything else (a bug,
 * shown with its stack).
 */
export function environmentFailure(e: unknown, path?: string): FatalError | null {
  if (e instanceof FatalError) return e;
  const err = e as { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof err?.code !== 'string') return null;
  const code = err.code.startsWith('SQLITE_IOERR') ? 'SQLITE_IOERR' : err.code;
  // what the machine refused, in words: a full disk, a read-only or forbidden place (errno and SQLite codes)
  const id = `env/${code}`;
  if (!isMessageId(id)) return null;
  return new FatalError({
    // a copy or rename names its destination, where the space or the permission was missing
    file: typeof err.dest === 'string' ? err.dest : typeof err.path === 'string' ? err.path : (path ?? ''),
    line: 0,
    source: 'export',
    ruleId: code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' ? 'export/not-a-database' : 'export/write-failed',
    ...say('export/environment', { cause: say(id), code: err.code }),
  });
}
