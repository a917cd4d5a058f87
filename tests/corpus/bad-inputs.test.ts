import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliOutcome } from '../cli-run.ts';
import { runCli } from '../cli-run.ts';
import { fixture } from '../shared-data.ts';

/** Run the CLI on one input into a fresh folder and collect what an analyst would look at. */
function runOn(file: string, ...args: string[]): Promise<CliOutcome> {
  return runCli([file, '--no-dict-gaps', ...args], 'hotwords-bad-');
}

/** The run's own accounting: the summary line, the runs table and rejects.jsonl agree, and read = accepted + rejected. */
function balanced(o: CliOutcome): void {
  expect(o.counts).not.toBeNull();
  const c = o.counts!;
  expect(c.read).toBe(c.accepted + c.rejected);
  expect(o.rejects.length).toBe(c.rejected);
  const run = o.db!.prepare('SELECT read, accepted, rejected FROM runs').get();
  expect(run).toEqual(c);
  expect(o.db!.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: c.accepted });
  expect(o.db!.prepare('SELECT count(*) AS n FROM rejects').get()).toEqual({ n: c.rejected });
}

const titles = (o: CliOutcome): string[] =>
  (o.db!.prepare('SELECT title FROM documents ORDER BY id').all() as { title: string }[]).map((r) => r.title);

describe('the catalogue of bad inputs', () => {
  it('malformed JSONL line: rejected with file and line, the others go on', async () => {
    const f = fixture('bad/malformed-line.jsonl');
    const o = await runOn(f);
    expect(o.code).toBe(0);
    balanced(o);
    expect(o.stderr).toContain(`${f}:2  警告  JSON 格式错误`);
    expect(o.rejects[0]).toMatchObject({ file: f, line: 2, ruleId: 'corpus/malformed-json' });
  });

  it('CSV with an unbalanced quote', async () => {
    const f = fixture('bad/broken-quote.csv');
    const o = await runOn(f);
    balanced(o);
    expect(o.rejects[0]).toMatchObject({ line: 3, ruleId: 'corpus/malformed-csv' });
    expect(titles(o)).toEqual(['加装电梯', '垃圾分类']);
  });

  it('GBK/GB18030-encoded CSV: detected and decoded, never mojibake', async () => {
    const o = await runOn(fixture('bad/gbk.csv'));
    balanced(o);
    expect(o.stderr).toContain('按 GB18030 解码');
    expect(titles(o)).toEqual(['加装电梯', '停车难']);
    expect((o.db!.prepare("SELECT text FROM documents WHERE id = 'k2'").get() as { text: string }).text).toBe(
      '小区停车难问题突出，建议共享停车。',
    );
  });

  it('UTF-16 with a byte-order mark', async () => {
    const o = await runOn(fixture('bad/utf16le-bom.csv'));
    balanced(o);
    expect(o.stderr).toContain('按 UTF-16LE 解码');
    expect(titles(o)).toEqual(['加装电梯', '停车难']);
  });

  it('UTF-8 byte-order mark, CRLF and quoted newlines', async () => {
    const o = await runOn(fixture('bad/bom-crlf-quoted.csv'));
    balanced(o);
    expect((o.db!.prepare("SELECT text FROM documents WHERE id = 'f1'").get() as { text: string }).text).toBe(
      '建议加快老旧小区加装电梯，\n并完善后续维保。',
    );
  });

  it('lone CR line ends', async () => {
    const o = await runOn(fixture('bad/lone-cr.csv'));
    balanced(o);
    expect(o.counts!.accepted).toBe(2);
    expect(o.db!.prepare('SELECT line FROM documents ORDER BY id').all()).toEqual([{ line: 2 }, { line: 3 }]);
  });

  it('empty file: a fatal error naming file and line, exit 1, no database', async () => {
    const f = fixture('bad/empty.csv');
    const o = await runOn(f);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${f}:1  错误  空文件`);
    expect(o.db).toBeNull();
    expect(o.rejects).toEqual([expect.objectContaining({ file: f, line: 1, ruleId: 'corpus/empty-file' })]);
  });

  it('header only: nothing to accept, exit 1 saying so', async () => {
    const o = await runOn(fixture('bad/header-only.csv'));
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('没有接受任何记录（拒绝 0 行');
  });

  it('unknown columns are kept as metadata', async () => {
    const o = await runOn(fixture('bad/unknown-columns.csv'));
    balanced(o);
    expect(JSON.parse((o.db!.prepare('SELECT meta FROM documents').get() as { meta: string }).meta)).toEqual({
      代表姓名: '张三',
      联名人数: '3',
    });
  });

  it('missing and whitespace-only text', async () => {
    const f = fixture('bad/missing-text.csv');
    const o = await runOn(f);
    balanced(o);
    expect(o.rejects.map((r) => [r.line, r.ruleId])).toEqual([
      [3, 'corpus/empty-text'],
      [4, 'corpus/empty-text'],
    ]);
    expect(o.stderr).toContain(`${f}:4  警告  没有可用的正文`);
  });

  it('duplicate ids, with the same and with different content', async () => {
    const o = await runOn(fixture('bad/duplicate-id.csv'));
    balanced(o);
    expect(o.rejects.map((r) => r.reason)).toEqual([
      expect.stringContaining('duplicate id "d1" (same content'),
      expect.stringContaining('duplicate id "d2" (different content'),
    ]);
  });

  it('year out of range or unparsable', async () => {
    const o = await runOn(fixture('bad/bad-year.csv'));
    balanced(o);
    expect(o.rejects.map((r) => r.line)).toEqual([3, 4]);
    expect(o.rejects[1]!.reason).toContain('out of range');
  });

  it('dates as 2021年3月5日 and 2021/3/5 give the year; a bare number (an Excel serial as text) and an unreadable date are rejected', async () => {
    const o = await runOn(fixture('bad/dates.csv'));
    balanced(o);
    expect(o.db!.prepare('SELECT id, year, date FROM documents ORDER BY id').all()).toEqual([
      { id: 'p1', year: 2021, date: '2021-03-05' },
      { id: 'p2', year: 2021, date: '2021-03-05' },
    ]);
    expect(o.rejects.map((r) => [r.line, r.ruleId])).toEqual([
      [4, 'corpus/bad-year'],
      [5, 'corpus/bad-year'],
    ]);
    expect(o.rejects[0]!.reason).toContain('a bare number is not read as a year or as an Excel serial day');
  });

  it('two inputs named data.csv in different folders stop the run, naming both: their rows would share ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-same-name-'));
    const [a, b] = ['a', 'b'].map((d) => join(dir, d, 'data.csv'));
    for (const [f, text] of [
      [a!, '建议加装电梯。'],
      [b!, '建议垃圾分类。'],
    ] as const) {
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, `title,text,category,year\n甲,${text},城建,2021\n`);
    }
    const o = await runCli([a!, b!]);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${b}  错误  与另一个输入（${a}）文件名相同`);
    expect(o.stderr).toContain('corpus/same-file-name');
    expect(o.db).toBeNull();
  });

  it('years of 45000, 20210 or 99999 are refused as what they are, never read as Excel serial days', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-years-'));
    const f = join(dir, 'years.csv');
    writeFileSync(
      f,
      'id,title,text,category,year\ny1,甲,建议加装电梯。,城建,45000\ny2,乙,建议加装电梯。,城建,20210\ny3,丙,建议加装电梯。,城建,99999\ny4,丁,建议加装电梯。,城建,2021\n',
    );
    const o = await runOn(f);
    balanced(o);
    expect(o.rejects.map((r) => r.reason)).toEqual(
      ['45000', '20210', '99999'].map((y) => expect.stringContaining(`unreadable year "${y}"`)),
    );
    expect(o.db!.prepare('SELECT id, year FROM documents').all()).toEqual([{ id: 'y4', year: 2021 }]);
  });

  it('a 5 MB single text is read, segmented and counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-big-'));
    const f = join(dir, 'big.csv');
    const body = '建议加快老旧小区加装电梯，解决停车难问题。'.repeat(Math.ceil((5 * 1024 * 1024) / 63));
    writeFileSync(
      f,
      `id,title,text,category,year\nbig1,大文本,"${body}",城区建设与管理,2021\nsmall,小文本,建议完善垃圾分类。,城区建设与管理,2021\n`,
    );
    const o = await runOn(f);
    balanced(o);
    expect(o.counts!.accepted).toBe(2);
    expect(o.db!.prepare("SELECT count FROM document_terms WHERE document_id = 'big1' AND term = '加装电梯'").get()).toEqual({
      count: body.length / 21,
    });
  }, 60_000);

  it('a 100,000-character line without quotes or line breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-long-'));
    const f = join(dir, 'long.jsonl');
    const text = '老旧小区加装电梯'.repeat(12_500);
    writeFileSync(f, `${JSON.stringify({ id: 'L1', title: '长行', text, year: 2021 })}\n{"id":"L2","text":"停车难"}\n`);
    const o = await runOn(f);
    balanced(o);
    expect((o.db!.prepare("SELECT length(text) AS n FROM documents WHERE id = 'L1'").get() as { n: number }).n).toBe(100_000);
  });

  it('NUL bytes and other control characters are removed, with a warning on the line', async () => {
    const f = fixture('bad/control-chars.csv');
    const o = await runOn(f);
    balanced(o);
    expect(o.stderr).toContain(`${f}:2  警告  删除了 3 个控制字符`);
    expect(titles(o)).toEqual(['加装电梯', '停车难']);
  });

  it('C1 controls (U+0080–U+009F) are removed as C0 ones are; NEL (U+0085) is a line end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-c1-'));
    const f = join(dir, 'c1.csv');
    writeFileSync(f, 'id,title,text,category,year\nc1,加装\u0090电梯,建议加快\u0085加装电梯。,城建,2021\n');
    const o = await runOn(f);
    balanced(o);
    expect(o.stderr).toContain(`${f}:2  警告  删除了 1 个控制字符`);
    expect(o.db!.prepare('SELECT title, text FROM documents').get()).toEqual({ title: '加装电梯', text: '建议加快\n加装电梯。' });
  });

  it('binary garbage: a fatal error naming the file, exit 1', async () => {
    const f = fixture('bad/garbage.csv');
    const o = await runOn(f);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${f}:1  错误  不是文本文件`);
  });

  it('emoji and CJK Extension B characters stay whole: never split into halves', async () => {
    const o = await runOn(fixture('bad/surrogates.csv'));
    balanced(o);
    const doc = o.db!.prepare('SELECT title, text FROM documents').get() as { title: string; text: string };
    expect(doc.title).toBe('𠀀𠀁小区');
    expect([...doc.text]).toHaveLength(16); // 居民😀反映𠮷野家门口👍🏽停车难。: each emoji and Ext-B character is one
    const terms = (o.db!.prepare('SELECT term FROM document_terms').all() as { term: string }[]).map((r) => r.term);
    for (const t of terms) expect(t).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(terms).toContain('𠀀𠀁');
  });

  it('XLSX with several sheets, merged cells, formula cells and dates', async () => {
    const f = fixture('bad/sheets-merged-formulas.xlsx');
    const o = await runOn(f, '--sheet', '2021');
    balanced(o);
    expect(o.db!.prepare('SELECT id, category, year, date, meta, line FROM documents ORDER BY id').all()).toEqual([
      { id: 'x1', category: '城区建设与管理', year: 2021, date: '2021-03-05', meta: '{"字数":"13"}', line: 2 },
      { id: 'x2', category: '公共安全与交通', year: 2021, date: '2021-03-06', meta: '{"字数":"10"}', line: 3 },
      // D3:D4 is one merged cell: its value holds for both rows
      { id: 'x3', category: '公共安全与交通', year: 2021, date: '2021-03-07', meta: '{"字数":"13"}', line: 4 },
    ]);
    const first = await runOn(f);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('没有正文列');
  });

  it('an XLSX that is really a renamed CSV is read as CSV, saying so', async () => {
    const o = await runOn(fixture('bad/renamed-csv.xlsx'));
    balanced(o);
    expect(o.stderr).toContain('文件名像工作簿，内容却是 CSV 文本');
  });

  it('a truncated XLSX is a fatal error naming the file and the reason', async () => {
    const f = fixture('bad/truncated.xlsx');
    const o = await runOn(f);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${f}:1  错误  无法读取的 XLSX 工作簿`);
  });

  it('a row with more fields than the header', async () => {
    const o = await runOn(fixture('bad/extra-field.csv'));
    balanced(o);
    expect(o.rejects[0]).toMatchObject({ line: 2, ruleId: 'corpus/field-count' });
  });

  it('--strict turns the first reject into exit code 1 and writes no database', async () => {
    const f = fixture('bad/duplicate-id.csv');
    const o = await runOn(f, '--strict');
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${f}:4  错误  编号“d1”重复`);
    expect(o.db).toBeNull();
    expect(o.rejects).toHaveLength(2);
  });

  it('a missing input file', async () => {
    const o = await runOn('/nonexistent/suggestions.csv');
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('/nonexistent/suggestions.csv  错误  无法读取文件：ENOENT');
  });

  it('a named pipe, a device or a folder given as input: refused at once, never read (a FIFO would block)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-fifo-'));
    const fifo = join(dir, 'in.csv');
    execFileSync('mkfifo', [fifo]);
    const o = await runOn(fifo);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain(`${fifo}  错误  不是普通文件：一个命名管道（FIFO）`);
    expect((await runOn('/dev/zero')).stderr).toContain('/dev/zero  错误  不是普通文件：一个设备');
    expect((await runOn(dir)).stderr).toContain(`${dir}  错误  不是普通文件：一个文件夹`);
  });
});

describe('dictionary and config errors', () => {
  it('a bad line in a user dictionary is a warning with its line; the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-dict-'));
    const dict = join(dir, 'my.dict.txt');
    writeFileSync(dict, '# my words\n长宁区 2000 ns\n坏行 很多 n\n虹桥街道 3000 ns\n一 二 三 四\n');
    const o = await runOn(fixture('bad/duplicate-id.csv'), '--dict', dict);
    expect(o.code).toBe(0);
    expect(o.stderr).toContain(`${dict}:3  警告  词频“很多”不是整数；跳过此行`);
    expect(o.stderr).toContain(`${dict}:5  警告  应为“词 [词频] [词性]”，此行有 4 个字段；跳过此行`);
  });

  it('a missing dictionary with the nodejieba backend is a clear error, not a crashed process', async () => {
    const o = await runOn(fixture('bad/duplicate-id.csv'), '--segmenter', 'nodejieba', '--stopwords', '/nonexistent/stop.txt');
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('/nonexistent/stop.txt  错误  无法读取停用词文件：ENOENT');
  });

  it('an unreadable or malformed config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-config-'));
    const bad = join(dir, 'hotwords.config.json');
    writeFileSync(bad, '{\n  "map": {"text": "内容"},\n  "dict": ["a.txt",]\n}\n');
    const o = await runOn(fixture('bad/duplicate-id.csv'), '--config', bad);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:3  错误  配置文件不是有效的 JSON`));
    const missing = await runOn(fixture('bad/duplicate-id.csv'), '--config', join(dir, 'none.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('无法读取配置文件：ENOENT');
  });
});
