import type { Reject } from '../corpus/record.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * `rejects.jsonl`: one JSON object a line for every rejected row
 * (`{file, line, reason_zh, reason, ruleId, raw}`: the reason in Chinese and
 * English; `sheet` after `file` for a workbook's rows) and every file that could not be read (`line` 0 or 1,
 * `raw` null).
 */
export function writeRejects(path: string, rejects: readonly Reject[], fileProblems: readonly Diagnostic[]): void {
  const lines = [
    ...fileProblems.map((d) =>
      JSON.stringify({ file: d.file, ...sheetOf(d), line: d.line, reason_zh: d.reasonZh, reason: d.reason, ruleId: d.ruleId, raw: null }),
    ),
    ...rejects.map((r) =>
      JSON.stringify({ file: r.file, ...sheetOf(r), line: r.line, reason_zh: r.reasonZh, reason: r.reason, ruleId: r.ruleId, raw: r.raw }),
    ),
  ];
  writeFileAtomic(path, lines.map((l) => `${l}\n`).join(''));
}

function sheetOf(x: { sheet?: string }): { sheet?: string } {
  return x.sheet === undefined ? {} : { sheet: x.sheet };
}
