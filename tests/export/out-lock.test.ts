import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { LOCK_FILE } from '../../src/export/out-lock.ts';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
const quick = { noClouds: true, noTopics: true, noDictGaps: true } as const;

it('two runs into one folder at once: the second is refused with a message, the first stores all of its own', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-lock-'));
  let stderr = '';
  const io = { stdout: () => {}, stderr: (s: string) => (stderr += s), isTTY: false, readStdin: async () => '' };
  const args = (input: string): string[] => ['run', input, '--out', out, '--no-dict-gaps', '--no-topics', '--no-clouds'];
  const [first, second] = await Promise.all([main(args(SAMPLE[1]!), io), main(args(SAMPLE[0]!), io)]);
  expect([first, second]).toEqual([0, 1]);
  expect(stderr).toMatch(new RegExp(`${out}  错误  另一个 hotwords 运行（进程 ${process.pid}）正在写这个文件夹`));
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 67 });
  db.close();
  // released: the next run goes ahead
  expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  const next = await run({ inputs: [SAMPLE[0]!], out, ...quick });
  expect(next.documents).toEqual({ kept: 67, added: 39, replaced: 0, unchanged: 0 });
}, 60_000);

it('the lock of a run that died is taken over', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-stale-'));
  // a process that has ended: its id names no live process
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(out, LOCK_FILE), `${dead.stdout}\n`);
  const r = await run({ inputs: [SAMPLE[0]!], out, ...quick });
  expect(r.counts.accepted).toBe(39);
  expect(existsSync(join(out, LOCK_FILE))).toBe(false);
}, 60_000);

it('a run in another process holds the folder until it ends', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-other-'));
  // a live process that is not this one, holding the lock
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
  try {
    writeFileSync(join(out, LOCK_FILE), `${other.pid}\n`);
    await expect(run({ inputs: [SAMPLE[0]!], out, ...quick })).rejects.toThrow(
      `another hotwords run (process ${other.pid}) is writing to this folder`,
    );
    expect(existsSync(join(out, 'hotwords.sqlite'))).toBe(false);
  } finally {
    other.kill();
  }
}, 60_000);
