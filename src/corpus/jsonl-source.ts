import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import type { SourceRow, TableSource } from './table-source.ts';

/**
 * A JSON-lines file as a table: one object a line, blank lines skipped.
 * Headers are the keys in order of first appearance; nested values are kept
 * as JSON text. A line that is not a JSON object is an error row.
 */
export function jsonlSource(text: string, encoding: string): TableSource | Reason {
  const rows: SourceRow[] = [];
  const headers: string[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      rows.push({
        kind: 'error',
        line,
        reason: say('corpus/malformed-json', { detail: (e as Error).message }),
        ruleId: 'corpus/malformed-json',
        raw: raw.slice(0, 500),
      });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rows.push({
        kind: 'error',
        line,
        reason: say('corpus/not-json-object'),
        ruleId: 'corpus/malformed-json',
        raw: raw.slice(0, 500),
      });
      return;
    }
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!seen.has(k)) {
        seen.add(k);
        headers.push(k);
      }
      cells[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    rows.push({ kind: 'row', line, cells });
  });
  if (rows.length === 0) return say('corpus/jsonl-empty');
  return { headers, rows, encoding };
}
