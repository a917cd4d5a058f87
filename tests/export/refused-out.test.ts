import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { run } from '../../src/run.ts';
import { tmpfs } from '../tmpfs.ts';
import { visibleState } from '../visible-state.ts';

const SAMPLE = fileURLToPath(new URL('../../data/sample/suggestions-2020.csv', import.meta.url));

/** `hotwords run SAMPLE --out out`: exit code and stderr. */
async function runInto(out: string, ...extra: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(['run', SAMPLE, '--out', out, '--no-topics', '--no-dict-gaps', '--no-clouds', ...extra], {
    stdout: () => {},
    stderr: (s) => (stderr += s),
    isTTY: false,
    readStdin: async () => '',
  });
  return { code, stderr };
}

describe('an --out the machine refuses: one line naming it, exit 1, no stack', () => {
  it('a file, not a folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hotwords-out-file-')), 'out');
    writeFileSync(file, 'x');
    const o = await runInto(file);
    expect(o.code).toBe(1);
    expect(o.stderr).toBe(`${file}  错误  --out 是一个文件，不是文件夹  export/out-not-folder\n`);
  });

  it('a hotwords.sqlite that is not a database: named, and left as it was', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-not-db-'));
    writeFileSync(join(out, 'hotwords.sqlite'), 'not a database\n');
    const o = await runInto(out);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/hotwords\.sqlite {2}错误 {2}不是 hotwords 数据库（不是 SQLite 文件）（SQLITE_NOTADB）/);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    // --debug adds the stack
    const debug = await runInto(out, '--debug');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

/** A read-only file system: a tmpfs remounted read-only under a finished run. */
const fs = tmpfs('hotwords-ro-', '16m', 'read-only');
const mount = fs.path;

fs.describe('a read-only file system', () => {
  afterAll(fs.unmount);

  it('stops the run with EROFS named, the earlier results as they were', async () => {
    const out = join(mount, 'out');
    mkdirSync(out);
    await run({ inputs: [SAMPLE], out, noTopics: true, noDictGaps: true });
    const before = visibleState(out);
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    try {
      const o = await runInto(out);
      expect(o.code).toBe(1);
      expect(o.stderr).toBe(`${out}  错误  只读文件系统（EROFS）；本次运行的结果都未保留  export/write-failed\n`);
      expect(visibleState(out)).toBe(before);
      expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mount]);
    }
  }, 60_000);
});
