import type { Reason } from '../messages.ts';

/** A row of a source table, or a line that could not be read as one. */
export type SourceRow =
  | { kind: 'row'; line: number; cells: Record<string, string> }
  | { kind: 'error'; line: number; reason: Reason; ruleId: string; raw: unknown };

/** A file read as a table: its headers and its rows in file order. */
export interface TableSource {
  headers: string[];
  rows: Iterable<SourceRow>;
  /** How the file was decoded, for provenance (e.g. utf-8, gb18030, xlsx). */
  encoding: string;
}
