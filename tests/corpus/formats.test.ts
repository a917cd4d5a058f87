import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../src/corpus/csv-rows.ts';
import { readFileSync } from 'node:fs';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

describeShared('the real message file as CSV, XLSX and JSONL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotwords-formats-'));
  const tables: Record<string, unknown[]> = {};
  const counts: Record<string, { read: number; accepted: number; rejected: number }> = {};

  beforeAll(async () => {
    const [header, ...rows] = [...parseCsv(readFileSync(MESSAGES_CSV, 'utf8'))].map((r) => (r.kind === 'row' ? r.fields : []));
    const asValue = (h: string, v: string): string | number => ((h === 'id' || h === 'year') && /^\d+$/.test(v) ? Number(v) : v);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('留言');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r.map((v, i) => asValue(header![i]!, v)));
    await wb.xlsx.writeFile(join(dir, 'messages.xlsx'));
    writeFileSync(
      join(dir, 'messages.jsonl'),
      rows.map((r) => JSON.stringify(Object.fromEntries(header!.map((h, i) => [h, asValue(h, r[i]!)])))).join('\n') + '\n',
    );
    const inputs = { csv: MESSAGES_CSV, xlsx: join(dir, 'messages.xlsx'), jsonl: join(dir, 'messages.jsonl') };
    for (const [fmt, file] of Object.entries(inputs)) {
      const out = join(dir, fmt);
      const summary = await run({ inputs: [file], out, map: MESSAGES_MAP, noDictGaps: true, noClouds: true, noTopics: true });
      counts[fmt] = summary.counts;
      const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
      // source_file and line say where a row came from, which differs by format by design
      tables[fmt] = db
        .prepare('SELECT id, title, text, category, year, session, date, unit, result, disclosed, meta FROM documents ORDER BY id')
        .all();
      db.close();
    }
  }, 120_000);

  it('accepts all 2,240 rows of the CSV', () => {
    expect(counts.csv).toEqual({ read: 2240, accepted: 2240, rejected: 0 });
  });

  it('gives the same documents table from XLSX and JSONL as from CSV', () => {
    expect(tables.csv).toHaveLength(2240);
    expect(tables.xlsx).toEqual(tables.csv);
    expect(tables.jsonl).toEqual(tables.csv);
  });
});
