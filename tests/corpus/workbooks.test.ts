import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliOutcome } from '../cli-run.ts';
import { runCli } from '../cli-run.ts';
import { parseCsv } from '../../src/corpus/csv-rows.ts';
import { yearOfSheetName } from '../../src/corpus/read-corpus.ts';
import { fixture } from '../shared-data.ts';

// The .xls and .ods fixtures were written by LibreOffice, the Excel 95 one by Gnumeric and the
// two-sheet .xlsx by exceljs (tests/fixtures/make-workbook-fixtures.ts): none by the reader tested.
const SAMPLE_2020 = fileUrl('../../data/sample/suggestions-2020.csv');
const SAMPLE_2021 = fileUrl('../../data/sample/suggestions-2021.csv');
const book = (name: string): string => fixture(`workbooks/${name}`);

function fileUrl(rel: string): string {
  return new URL(rel, import.meta.url).pathname;
}

function runOn(files: string[], ...args: string[]): Promise<CliOutcome> {
  return runCli([...files, '--no-dict-gaps', '--no-clouds', '--no-topics', ...args], 'hotwords-workbook-');
}

/** The documents table without the columns that say where a row came from (they differ by format by design). */
function documents(o: CliOutcome): unknown[] {
  expect(o.code).toBe(0);
  return o
    .db!.prepare('SELECT id, title, text, category, year, session, date, unit, result, disclosed, meta FROM documents ORDER BY id')
    .all();
}

describe('the 2021 sample as CSV, JSONL, XLSX, XLS and ODS', () => {
  const tables: Record<string, unknown[]> = {};
  const outcomes: Record<string, CliOutcome> = {};
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-formats-'));
    const [header, ...rows] = [...parseCsv(readFileSync(SAMPLE_2021, 'utf8'))].map((r) => (r.kind === 'row' ? r.fields : []));
    writeFileSync(
      join(dir, 'sample.jsonl'),
      rows.map((r) => JSON.stringify(Object.fromEntries(header!.map((h, i) => [h, r[i]])))).join('\n') + '\n',
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2021');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r.map((v, i) => (header![i] === '年份' ? Number(v) : v)));
    await wb.xlsx.writeFile(join(dir, 'sample.xlsx'));
    const inputs = {
      csv: SAMPLE_2021,
      jsonl: join(dir, 'sample.jsonl'),
      xlsx: join(dir, 'sample.xlsx'),
      xls: book('sample-2021.xls'),
      ods: book('sample-2021.ods'),
    };
    for (const [format, file] of Object.entries(inputs)) {
      outcomes[format] = await runOn([file]);
      tables[format] = documents(outcomes[format]!);
    }
  }, 120_000);

  it('reads all 67 suggestions from each', () => {
    for (const t of Object.values(tables)) expect(t).toHaveLength(67);
  });

  it('gives the same documents table from every format', () => {
    expect(tables.xls).toEqual(tables.csv);
    expect(tables.ods).toEqual(tables.csv);
    expect(tables.xlsx).toEqual(tables.csv);
    expect(tables.jsonl).toEqual(tables.csv);
  });

  it('records the sheet of a workbook row, and none for a text file', () => {
    const sheets = (o: CliOutcome): unknown[] => o.db!.prepare('SELECT DISTINCT sheet FROM documents').all();
    expect(sheets(outcomes.xls!)).toEqual([{ sheet: 'sample-2021' }]);
    expect(sheets(outcomes.ods!)).toEqual([{ sheet: 'sample-2021' }]);
    expect(sheets(outcomes.csv!)).toEqual([{ sheet: null }]);
    const inputs = JSON.parse((outcomes.xls!.db!.prepare('SELECT inputs FROM runs').get() as { inputs: string }).inputs);
    expect(inputs[0]).toMatchObject({
      format: 'xls',
      read: 67,
      accepted: 67,
      sheets: [{ name: 'sample-2021', read: 67, accepted: 67, rejected: 0 }],
    });
  });
});

describe('a workbook with one sheet per year', () => {
  let csvPair: unknown[];
  beforeAll(async () => {
    csvPair = documents(await runOn([SAMPLE_2020, SAMPLE_2021]));
  }, 60_000);

  for (const name of ['two-sheets.xlsx', 'two-sheets.xls']) {
    it(`${name} with --sheet all: every sheet in one run, the year from the sheet name`, async () => {
      const f = book(name);
      const o = await runOn([f], '--sheet', 'all');
      // the sheets carry no year column: the years equal the CSVs' own 年份
      expect(documents(o)).toEqual(csvPair);
      expect(o.stderr).toContain(`${f}:2020  提示  39 行没有年份，取工作表名的 2020`);
      expect(o.stderr).toContain(`${f}:2021年  提示  67 行没有年份，取工作表名的 2021`);
      expect(o.stderr).toMatch(new RegExp(`${f}:说明  警告  跳过此工作表：没有正文列`));
      expect(o.stderr).toContain('读取 106 行，接受 106，拒绝 0');
    }, 60_000);
  }

  it('names several sheets with a repeated --sheet', async () => {
    const o = await runOn([book('two-sheets.xlsx')], '--sheet', '2020', '--sheet', '2021年');
    expect(documents(o)).toEqual(csvPair);
  }, 60_000);

  it('reads the first sheet by default, and stops on a sheet that is not there', async () => {
    const first = await runOn([book('two-sheets.xlsx')]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('two-sheets.xlsx:说明:1  错误  没有正文列');
    const none = await runOn([book('two-sheets.xlsx')], '--sheet', '2019');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有名为 "2019" 的工作表（工作表：说明, 2020, 2021年）');
  }, 60_000);
});

describe('workbook rows that are rejected', () => {
  it('name file, sheet and row, in stderr, rejects.jsonl and the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-wb-rejects-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2021年');
    ws.addRow(['编号', '标题', '内容', '类别']);
    ws.addRow(['a1', '加装电梯', '建议加快老旧小区加装电梯。', '城区建设与管理']);
    ws.addRow(['a2', '空白', '   ', '城区建设与管理']);
    ws.addRow(['a3', '停车难', '小区停车难问题突出，建议共享停车。', '公共安全与交通']);
    const f = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(f);
    const o = await runOn([f]);
    expect(o.code).toBe(0);
    expect(o.stderr).toContain(`${f}:2021年:3  警告  没有可用的正文`);
    expect(o.rejects).toEqual([expect.objectContaining({ file: f, sheet: '2021年', line: 3, ruleId: 'corpus/empty-text' })]);
    expect(o.db!.prepare('SELECT file, sheet, line FROM rejects').all()).toEqual([{ file: 'book.xlsx', sheet: '2021年', line: 3 }]);
    expect(o.db!.prepare('SELECT id, year, sheet, line FROM documents ORDER BY id').all()).toEqual([
      { id: 'a1', year: 2021, sheet: '2021年', line: 2 },
      { id: 'a3', year: 2021, sheet: '2021年', line: 4 },
    ]);
  }, 60_000);
});

describe('workbooks that cannot be read, and one that can', () => {
  it('an Excel 5.0/95 (BIFF5) file: text, numbers and a date cell', async () => {
    const o = await runOn([book('biff5-excel95.xls')]);
    expect(o.db!.prepare('SELECT id, title, category, year, date, meta FROM documents ORDER BY id').all()).toEqual([
      { id: 'b1', title: 'Lift', category: 'Housing', year: 2021, date: '2021-03-05', meta: '{"votes":"12"}' },
      { id: 'b2', title: 'Parking', category: 'Traffic', year: 2021, date: '2021-03-06', meta: '{"votes":"7"}' },
    ]);
  }, 60_000);

  for (const name of ['dates.xls', 'dates.ods']) {
    it(`${name}: date cells become YYYY-MM-DD and give the year`, async () => {
      const o = await runOn([book(name)]);
      expect(o.db!.prepare('SELECT id, year, date FROM documents ORDER BY id').all()).toEqual([
        { id: 'd1', year: 2021, date: '2021-03-05' },
        { id: 'd2', year: 2020, date: '2020-12-31' },
      ]);
    }, 60_000);
  }

  for (const name of ['protected.xls', 'protected.xlsx', 'protected.ods']) {
    it(`${name}, saved with a password, is refused saying so`, async () => {
      const f = book(name);
      const o = await runOn([f]);
      expect(o.code).toBe(1);
      expect(o.stderr).toContain(`${f}:1  错误  工作簿设有密码`);
      expect(o.rejects).toEqual([expect.objectContaining({ file: f, ruleId: 'corpus/unreadable-file' })]);
    }, 60_000);
  }

  it('a truncated .xls is a fatal error naming the file', async () => {
    const f = book('truncated.xls');
    const o = await runOn([f]);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${f}:1  错误  无法读取的 XLS 工作簿：文件损坏或不完整`);
  }, 60_000);

  it('an .xls renamed .csv is read as the workbook it is, saying so', async () => {
    const f = book('xls-renamed.csv');
    const o = await runOn([f]);
    expect(o.stderr).toContain(`${f}  警告  文件名像文本文件，内容却是 XLS 工作簿；按 XLS 读取`);
    expect(documents(o)).toHaveLength(67);
  }, 60_000);
});

describe('the year a sheet name stands for', () => {
  it('reads 2021, 2021年, 2021年度建议; not Sheet1, 2020-2021, 12345 or 1800', () => {
    expect(['2021', '2021年', '2021年度建议', '代表建议2021', 'Sheet1', '2020-2021', '12345', '1800'].map(yearOfSheetName)).toEqual([
      2021,
      2021,
      2021,
      2021,
      null,
      null,
      null,
      null,
    ]);
  });
});
