import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { MESSAGES_CSV, describeShared, fixture } from '../shared-data.ts';

async function cli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, readStdin: async () => stdin });
  return { code, stdout, stderr };
}

describe('hotwords CLI', () => {
  it('exits 0 with rejected rows, printing each with file:line and a one-line summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-cli-'));
    const file = fixture('bad/broken-quote.csv');
    const r = await cli(['run', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:3  警告  引号不配对`);
    expect(r.stderr).toMatch(/hotwords: 读取 3 行，接受 2，拒绝 1，用时 [\d.]+ 秒/);
    const rejects = readFileSync(join(out, 'rejects.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects).toEqual([expect.objectContaining({ file, line: 3, ruleId: 'corpus/malformed-csv' })]);
    // not a terminal: one line as each stage ends, in order, with its counts
    const stages = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('hotwords: 进度 '))
      .map((l) => l.slice('hotwords: 进度 '.length));
    expect(stages).toEqual([
      '读取（行） 3/3',
      '分词（建议） 2/2',
      expect.stringMatching(/^热议词与主题（范围） \d+\/\d+$/),
      '写入数据库（新建议） 2/2',
      expect.stringMatching(/^话题聚类（范围） \d+\/\d+$/),
      expect.stringMatching(/^词云（幅） \d+\/\d+$/),
      '报告 1/1',
      expect.stringMatching(/^简报（文件） \d+\/\d+$/),
    ]);
  });

  it("limits the heap's growth by the input of `run`, for any other command always", async () => {
    const asked: number[] = [];
    const io = {
      stdout: () => {},
      stderr: () => {},
      isTTY: false,
      readStdin: async () => '',
      limitHeapGrowth: (b: number) => asked.push(b),
    };
    const out = mkdtempSync(join(tmpdir(), 'hotwords-cli-'));
    const file = fixture('bad/broken-quote.csv');
    // a missing input counts nothing (the run then stops on it)
    expect(await main(['run', file, '/nonexistent/in.csv', '--out', out], io)).toBe(1);
    await main(['report', '--out', out], io);
    expect(asked).toEqual([statSync(file).size, Infinity]);
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['run'])).code).toBe(2);
    expect((await cli(['run', 'x.csv', '--bogus'])).code).toBe(2);
    const bad = await cli(['run', 'x.csv', '--map', 'txt=内容']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知字段“txt”');
    const twice = await cli(['run', 'x.csv', '--map', 'text=内容,text=正文']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--map：字段“text”被指定了两次（“内容”和“正文”）');
    expect((await cli(['run', 'x.csv', '--segmenter', 'hanlp'])).code).toBe(2);
  });

  it('exits 1 on a fatal error and leaves no database behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-cli-'));
    const r = await cli(['run', '/nonexistent/in.csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/nonexistent/in.csv  错误  无法读取文件：ENOENT');
    expect(existsSync(join(out, 'hotwords.sqlite'))).toBe(false);
  });

  it('exits 1 with a clear message for a missing dictionary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-cli-'));
    const r = await cli(['run', fixture('bad/duplicate-id.csv'), '--out', out, '--dict', '/nonexistent/my.dict.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/nonexistent/my.dict.txt  错误  无法读取用户词典文件：ENOENT');
  });

  it('segments standard input line by line', async () => {
    const r = await cli(['segment', '-'], '关于加快推进加装电梯的建议\n\n小区停车难问题突出\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\t加装电梯\n3\t小区 停车难\n');
  });

  it('prints the raw jieba tokens with --raw', async () => {
    const r = await cli(['segment', '-', '--raw'], '小区停车难问题突出');
    expect(r.stdout).toBe('1\t小区 停车难问题 突出\n');
  });
});

describeShared('hotwords CLI on the real message file', () => {
  it('accepts all 2,240 rows and says so', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-cli-'));
    const r = await cli(['run', MESSAGES_CSV, '--out', out, '--map', 'id=id,title=title,text=detail,category=label,year=year']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/读取 2240 行，接受 2240，拒绝 0/);
  }, 60_000);
});
