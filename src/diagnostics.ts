/**
 * Problems are data with a place. Every stage reports what went wrong as a
 * Diagnostic instead of throwing; only `fatal` problems stop a run.
 */
export interface Diagnostic {
  /** What is wrong, in words an analyst can act on. */
  reason: string;
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

/** `file:line  warning  reason  ruleId` (workbooks: `file:sheet:row`), the form printed on stderr. */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.sheet === undefined ? d.file : `${d.file}:${d.sheet}`;
  const place = d.line > 0 ? `${file}:${d.line}${d.column ? `:${d.column}` : ''}` : file;
  const level = d.fatal ? 'error' : d.fatal === false ? 'warning' : 'info';
  return `${place}  ${level}  ${d.reason}  ${d.ruleId}`;
}

/** Thrown for input that stops the whole run (a missing file, an unusable dictionary). */
export class FatalError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic({ ...diagnostic, fatal: true }));
    this.name = 'FatalError';
    this.diagnostic = { ...diagnostic, fatal: true };
  }
}

/** What the machine refused, in words: a full disk, a read-only or forbidden place (errno and SQLite codes). */
const ENVIRONMENT_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this file system or limit',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files',
  SQLITE_FULL: 'no space left on the device (the database could not grow)',
  SQLITE_IOERR: 'input/output error writing the database',
  SQLITE_CANTOPEN: 'cannot open the database file (a folder, a missing folder, or no permission)',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_NOTADB: 'not a hotwords database (not an SQLite file)',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_PERM: 'permission denied',
};

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
  const cause = ENVIRONMENT_CAUSES[code];
  if (cause === undefined) return null;
  return new FatalError({
    // a copy or rename names its destination, where the space or the permission was missing
    file: typeof err.dest === 'string' ? err.dest : typeof err.path === 'string' ? err.path : (path ?? ''),
    line: 0,
    source: 'export',
    ruleId: code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' ? 'export/not-a-database' : 'export/write-failed',
    reason: `${cause} (${err.code}); nothing of this run was kept`,
  });
}
