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
  source: 'corpus' | 'segment' | 'score' | 'export' | 'config';
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
