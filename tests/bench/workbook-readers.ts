/**
 * `npm run bench:workbooks`: the two XLSX readers on the labelled messages
 * (../shared/data) saved as .xlsx, 2,240 rows and ten copies (22,400 rows):
 * exceljs 4.4.0 (the reader before .xls/.ods support) and SheetJS
 * (@e965/xlsx 0.20.3, which reads .xls and .ods too). Each reads every cell
 * of the first sheet as text in a fresh process; wall time and peak RSS of
 * three rounds (median), and whether both saw the same cells (line ends
 * as LF: SheetJS gives an XML line end as LF, exceljs keeps CRLF; the
 * documents are the same either way, since records are normalised to LF).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/corpus/csv-rows.ts';
import { MESSAGES_CSV } from '../shared-data.ts';

const READERS: Record<string, string> = {
  exceljs: `
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]; const h = createHash('sha256'); let n = 0;
    for (let r = 1; r <= ws.rowCount; r++) ws.getRow(r).eachCell((c) => { n++; h.update(String(c.value ?? '').replace(/\\r\\n?/g, "\\n")); });
    done(n, h);`,
  sheetjs: `
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(readFileSync(file), { type: 'buffer', dense: true, cellText: false, cellHTML: false });
    const ws = wb.Sheets[wb.SheetNames[0]]; const h = createHash('sha256'); let n = 0;
    for (const row of ws['!data']) for (const c of row ?? []) if (c && c.v !== undefined) { n++; h.update(String(c.v).replace(/\\r\\n?/g, "\\n")); }
    done(n, h);`,
};

const PRELUDE = `
  import { readFileSync } from 'node:fs'; import { createHash } from 'node:crypto';
  const file = process.argv[1]; const t0 = performance.now();
  const done = (n, h) => console.log(JSON.stringify({ cells: n, hash: h.digest('hex').slice(0, 12), seconds: (performance.now() - t0) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));`;

async function writeBook(path: string, copies: number): Promise<void> {
  const [header, ...rows] = [...parseCsv(readFileSync(MESSAGES_CSV, 'utf8'))].map((r) => (r.kind === 'row' ? r.fields : []));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('留言');
  ws.addRow(header);
  for (let c = 0; c < copies; c++) for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

const dir = mkdtempSync(join(tmpdir(), 'hotwords-bench-xlsx-'));
// the runs' databases and exports are hundreds of MB: gone when the script ends, however it ends
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log('| rows | reader | seconds | peak RSS MB | cells | same cells |');
console.log('|---|---|---|---|---|---|');
for (const copies of [1, 10]) {
  const file = join(dir, `messages-${copies}.xlsx`);
  await writeBook(file, copies);
  const hashes = new Set<string>();
  for (const [name, body] of Object.entries(READERS)) {
    const runs = [0, 1, 2].map(
      () =>
        JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', PRELUDE + body, file], { encoding: 'utf8' })) as {
          cells: number;
          hash: string;
          seconds: number;
          peakMb: number;
        },
    );
    hashes.add(runs[0]!.hash);
    console.log(
      `| ${2240 * copies} | ${name} | ${median(runs.map((r) => r.seconds)).toFixed(2)} | ${median(runs.map((r) => r.peakMb)).toFixed(0)} | ${runs[0]!.cells} | ${hashes.size === 1 ? 'yes' : 'NO'} |`,
    );
  }
}
