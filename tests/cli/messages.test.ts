import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CATALOGUE } from '../../src/messages.ts';
import { fixture } from '../shared-data.ts';

async function cli(argv: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    readStdin: async () => '',
    env,
  });
  return { code, stdout, stderr };
}

const HAN = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the message catalogue', () => {
  it('says every message in Chinese and English, with the same blanks to fill', () => {
    for (const [id, m] of Object.entries(CATALOGUE)) {
      expect(m.zh.trim(), id).not.toBe('');
      expect(m.en.trim(), id).not.toBe('');
      expect(m.zh, id).toMatch(HAN);
      // `s` is English's plural ending; every other blank is in both
      expect(placeholders(m.zh), id).toEqual(placeholders(m.en).filter((p) => p !== 's'));
    }
  });
});

describe('the command speaks Chinese by default', () => {
  const broken = fixture('bad/broken-quote.csv');

  it('rejects, warnings and the summary in Chinese; the rule ids as they are', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-zh-'));
    const r = await cli(['run', broken, fixture('bad/control-chars.csv'), '--out', out, '--no-clouds', '--no-topics']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${broken}:3  警告  引号不配对：第 3 行开始的带引号字段没有结束  corpus/malformed-csv`);
    expect(r.stderr).toMatch(/控制字符（NUL、ESC 等） {2}corpus\/field-value/);
    expect(r.stderr).toMatch(/hotwords: 读取 \d+ 行，接受 \d+，拒绝 1，用时 [\d.]+ 秒 → /);
    // nothing English left on the lines a person reads (paths and rule ids aside)
    for (const line of r.stderr.trim().split('\n')) {
      const words = line.replaceAll(out, '').replaceAll(/\S*\/\S*/g, '');
      expect(words, line).not.toMatch(/\b(warning|error|info|read|accepted|rejected|unbalanced|removed)\b/);
    }
    // rejects.jsonl and the database carry both languages
    const reject = JSON.parse(readFileSync(join(out, 'rejects.jsonl'), 'utf8').split('\n')[0]!);
    expect(reject).toMatchObject({
      reason_zh: '引号不配对：第 3 行开始的带引号字段没有结束',
      reason: 'unbalanced quote: the quoted field opened on line 3 is never closed',
    });
    const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
    expect(db.prepare('SELECT reason, reason_zh FROM rejects').all()).toEqual([{ reason: reject.reason, reason_zh: reject.reason_zh }]);
    db.close();
  });

  it('English with --lang en or an English locale; --lang wins over the locale', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-en-'));
    const flag = await cli(['run', broken, '--out', out, '--no-clouds', '--no-topics', '--lang', 'en']);
    expect(flag.stderr).toContain(`${broken}:3  warning  unbalanced quote`);
    expect(flag.stderr).toMatch(/hotwords: read 3, accepted 2, rejected 1 in [\d.]+ s → /);
    expect(flag.stderr).toContain('hotwords: progress read (rows) 3/3');
    const locale = await cli(['run', broken, '--out', out, '--no-clouds', '--no-topics'], { LANG: 'en_US.UTF-8' });
    expect(locale.stderr).toContain(`${broken}:3  warning  unbalanced quote`);
    const overridden = await cli(['run', broken, '--out', out, '--no-clouds', '--no-topics', '--lang=zh'], { LC_ALL: 'en_GB.UTF-8' });
    expect(overridden.stderr).toContain(`${broken}:3  警告  引号不配对`);
    // LC_ALL before LANG, as POSIX orders them
    const posix = await cli(['run', '/nonexistent/x.csv', '--out', out], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' });
    expect(posix.stderr).toContain('/nonexistent/x.csv  错误  无法读取文件：ENOENT');
  });

  it('dict-gaps says its evidence in Chinese, in English with --lang en', async () => {
    const sample = fixture('../../data/sample/suggestions-2021.csv');
    const zh = await cli(['dict-gaps', sample, '--top', '3']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^# hotwords dict-gaps：从 67 件建议中找到 \d+ 个候选词/);
    expect(zh.stdout).toMatch(/\n# 1\. 出现 \d+ 次，见于 \d+ 件建议，PMI [\d.]+，左右熵 [\d.]+\/[\d.]+ — /);
    expect(zh.stdout).toContain('# 分词器仍会切开的词典词');
    const en = await cli(['dict-gaps', sample, '--top', '3', '--lang', 'en']);
    expect(en.stdout).toMatch(/\n# 1\. freq \d+ in \d+ suggestions, PMI [\d.]+, entropy /);
  });

  it('help, usage errors and a wrong --lang in Chinese', async () => {
    const help = await cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法： hotwords run \[选项\] <input\.\.\.>/);
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toContain('--out <dir>             输出文件夹（默认："out"）');
    expect(help.stdout).toContain('--segmenter <backend>   分词后端（可选：node-rs, nodejieba）');
    expect(help.stdout).not.toMatch(/display help|output folder|\(default:/);
    const top = await cli(['--help']);
    expect(top.stdout).toContain('命令：');
    expect(top.stdout).toContain('--lang <lang>');
    const english = await cli(['run', '--help', '--lang', 'en']);
    expect(english.stdout).toContain('--out <dir>             output folder (default: "out")');

    const missing = await cli(['run']);
    expect(missing).toMatchObject({ code: 2, stderr: '错误：缺少必需的参数“input”\n（用 --help 查看用法）\n' });
    const typo = await cli(['run', 'x.csv', '--outt', 'o']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('错误：未知选项“--outt”\n（是否想用 --out？）');
    const choice = await cli(['run', 'x.csv', '--segmenter', 'hanlp']);
    expect(choice.stderr).toContain('错误：选项“--segmenter <backend>”的值“hanlp”无效。可选：node-rs, nodejieba。');
    const workers = await cli(['run', broken, '--workers', 'two']);
    expect(workers).toMatchObject({ code: 2, stderr: 'hotwords: --workers：应为不小于 1 的整数，收到“two”\n' });
    const lang = await cli(['run', broken, '--lang', 'fr']);
    expect(lang).toMatchObject({ code: 2, stderr: 'hotwords: --lang：应为 zh 或 en，收到“fr”\n' });
  });
});
