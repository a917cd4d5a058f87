import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, writeBriefing } from '../../src/export/briefing-files.ts';
import type { RunSummary } from '../../src/run.ts';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

describe('the briefing of the bundled sample', () => {
  let out = '';
  let summary: RunSummary;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'hotwords-briefing-'));
    summary = await run({ inputs: SAMPLE, out, noDictGaps: true });
  }, 120_000);

  it('2021.md gives every figure of the seed report’s §一, in its register', () => {
    const text = readFileSync(join(out, 'briefing', '2021.md'), 'utf8');
    // the seed: ../shared/seed/changning-2021-suggestions-report.txt, §一 基本情况
    for (const sentence of [
      '区十六届人大六次会议期间，共收到建议67件。',
      '其中，涉及经济发展方面有11件，占总数的16.4%；涉及城区建设与管理方面有24件，占总数的35.9%；涉及社会事业方面有8件，占总数的11.9%；' +
        '涉及民生保障方面有8件，占总数的11.9%；涉及公共安全与交通方面有16件，占总数的23.9%。',
      '在办复的67件建议中，办理结果为解决采纳的62件，占总数的92.54%；计划解决的1件，占总数的1.49%；留作参考的4件，占总数的5.97%。',
      '建议办理结果主动公开67件，主动公开率达100%，较2020年（94.87%）提高5.13个百分点。',
    ])
      expect(text).toContain(sentence);
    // one line per category naming its themes; a family named by its members' shared word says
    // what they are (扰民 alone would not tell a reader it is building work and cooking fumes)
    expect(text).toMatch(/- 城区建设与管理（24件）：[^\n]+。/);
    expect(text).toContain('扰民（施工扰民、餐饮油烟扰民）');
    expect(text).toContain('- 城区建设与管理（24件）：加装电梯、');
    expect(summary.outputs.briefing).toContain(join(out, 'briefing', '2021.md'));
  });

  it('2020.md, the first year, compares with nothing', () => {
    const text = readFileSync(join(out, 'briefing', '2020.md'), 'utf8');
    expect(text).toContain('共收到建议39件');
    expect(text).not.toContain('较');
  });

  it('tables.xlsx opens with exceljs, a sheet a table, its figures as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'briefing', 'tables.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['建议分布', '主题', '热议词', '新兴词', '话题']);
    const rows: unknown[][] = [];
    book.getWorksheet('建议分布')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['年度', '维度', '值', '件数', '占比（%）', '较上年（百分点）']);
    expect(rows).toContainEqual([2021, '类别', '经济发展', 11, 16.4, -1.5]);
    expect(rows).toContainEqual([2021, '办理结果', '解决采纳', 62, 92.54, 7.92]);
    expect(rows).toContainEqual([2021, '是否公开', '是', 67, 100, 5.13]);
    const themes: unknown[][] = [];
    book.getWorksheet('主题')!.eachRow((r) => themes.push((r.values as unknown[]).slice(1)));
    expect(themes.some((r) => r[0] === 2021 && r[1] === '城区建设与管理' && typeof r[4] === 'number')).toBe(true);
  });

  it('charts of every year as SVG and PNG: by category, result, unit, top themes, and the change on the year before', () => {
    const charts = (year: number): string[] =>
      summary.outputs.briefing.filter((f) => f.includes(join('charts', String(year)))).map((f) => f.split('/').pop()!);
    const names = ['类别分布', '办理结果', '承办单位', '热点主题'];
    expect(charts(2021).sort()).toEqual([...names, '较上年变化'].flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
    // the first year has no year before
    expect(charts(2020).sort()).toEqual(names.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
    const svg = readFileSync(join(out, 'briefing', 'charts', '2021', '类别分布.svg'), 'utf8');
    expect(svg).toContain('2021年 · 建议类别分布');
    expect(svg).toContain('24件（35.9%）');
    const change = readFileSync(join(out, 'briefing', 'charts', '2021', '较上年变化.svg'), 'utf8');
    expect(change).toContain('+6 个百分点');
    expect(change).toContain('-3.5 个百分点');
    expect(
      readFileSync(join(out, 'briefing', 'charts', '2021', '热点主题.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('the same tables as UTF-8 CSV with a byte-order mark', () => {
    const csv = readFileSync(join(out, 'briefing', '建议分布.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF年度,维度,值,件数,占比（%）,较上年（百分点）\r\n')).toBe(true);
    expect(csv).toContain('\r\n2021,类别,经济发展,11,16.4,-1.5\r\n');
  });
});

describe('hostile cells', () => {
  const table = {
    name: '热议词',
    header: ['词', '件数'],
    rows: [
      ['=HYPERLINK("http://x","点我")', 1],
      ['+1+1', 2],
      ['-2+3', 3],
      ['@SUM(A1)', 4],
      ['\t=1', 5],
      ['\r=1', 6],
      ['普通, "引号"', -7],
    ],
  };

  it('CSV: a text cell that a spreadsheet would evaluate starts with an apostrophe; numbers stay numbers', () => {
    const lines = csvText(table).slice(1).split('\r\n');
    expect(lines.slice(1, 8)).toEqual([
      `"'=HYPERLINK(""http://x"",""点我"")",1`,
      "'+1+1,2",
      "'-2+3,3",
      "'@SUM(A1),4",
      "'\t=1,5",
      `"'\r=1",6`,
      '"普通, ""引号""",-7',
    ]);
  });

  it('XLSX: such a cell is text, never a formula', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-hostile-xlsx-'));
    await writeBriefing(dir, { records: [], distribution: [], themes: [], keywords: [] }, [table]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'tables.xlsx'));
    const sheet = book.getWorksheet('热议词')!;
    for (let r = 2; r <= 8; r++) {
      expect(sheet.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
      // (SheetJS writes a CR as the escape _x000d_, which Excel reads back as CR and exceljs does not)
      expect(String(sheet.getCell(r, 1).value).replace('_x000d_', '\r')).toBe(table.rows[r - 2]![0]);
      expect(sheet.getCell(r, 2).type).toBe(ExcelJS.ValueType.Number);
    }
  });
});

describeShared('the briefing of data that lack fields (the labelled messages)', () => {
  it('leaves out the sentences it has no data for: no handling result, no disclosure, never 0%', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-briefing-messages-'));
    const summary = await run({ inputs: [MESSAGES_CSV], out, map: MESSAGES_MAP, noDictGaps: true, noPng: true, noTopics: true });
    const text = readFileSync(join(out, 'briefing', '2019.md'), 'utf8');
    // and no chart of a field the data lack
    const charts = summary.outputs.briefing.filter((f) => f.includes(join('charts', '2019')));
    expect(charts.map((f) => f.split('/').pop()).sort()).toEqual(['类别分布.svg', '热点主题.svg', '较上年变化.svg'].sort());
    expect(text).toMatch(/2019年共收到建议\d+件。其中，涉及/);
    expect(text).not.toContain('办理结果');
    expect(text).not.toContain('主动公开');
    expect(text).not.toMatch(/(^|[^.\d])0(\.0+)?%/);
  }, 180_000);
});
