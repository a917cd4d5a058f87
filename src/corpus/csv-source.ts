import type { Reason } from '../messages.ts';
import { say } from '../messages.ts';
import { parseCsv } from './csv-rows.ts';
import type { SourceRow, TableSource } from './table-source.ts';

/**
 * A CSV file's text as a table. The first record is the header; a record
 * with more or fewer fields than the header is an error row.
 * Returns the reason when the file has no usable header.
 */
export function csvSource(text: string, encoding: string): TableSource | Reason {
  const records = parseCsv(text);
  const first = records.next();
  if (first.done) return say('corpus/csv-no-header');
  if (first.value.kind === 'error') return say('corpus/csv-header-error', { reason: first.value.reason });
  const headers = first.value.fields.map((h) => h.trim());
  if (headers.every((h) => h === '')) return say('corpus/csv-header-empty');
  function* rows(): Generator<SourceRow> {
    for (const rec of records) {
      if (rec.kind === 'error') {
        yield { kind: 'error', line: rec.line, reason: rec.reason, ruleId: 'corpus/malformed-csv', raw: rec.rawLine };
        continue;
      }
      if (rec.fields.length !== headers.length) {
        yield {
          kind: 'error',
          line: rec.line,
          reason: say('corpus/field-count', { expected: headers.length, found: rec.fields.length }),
          ruleId: 'corpus/field-count',
          raw: rec.fields,
        };
        continue;
      }
      const cells: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h !== '' && !(h in cells)) cells[h] = rec.fields[i] ?? '';
      });
      yield { kind: 'row', line: rec.line, cells };
    }
  }
  return { headers, rows: rows(), encoding };
}
