import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, describeShared } from '../shared-data.ts';

const BIN = fileURLToPath(new URL('../../dist/cli/hotwords.js', import.meta.url));
const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

/** Start the job on the real messages into `out` and SIGKILL it after `ms` (never, if Infinity). Resolves with whether it was killed. */
function killAfter(out: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [BIN, 'run', MESSAGES_CSV, '--out', out, '--map', 'id=id,title=title,text=detail,category=label,year=year'],
      { stdio: 'ignore' },
    );
    const timer = Number.isFinite(ms) ? setTimeout(() => child.kill('SIGKILL'), ms) : undefined;
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

describeShared('a run killed at any moment', () => {
  it('leaves the previous database intact and no JSON half-written', async () => {
    // how long a whole run takes here, so the kills spread over all of it
    const timing = mkdtempSync(join(tmpdir(), 'hotwords-killed-timing-'));
    await run({ inputs: SAMPLE, out: timing, noDictGaps: true, noClouds: true });
    // the shorter of two whole runs: a first run slowed by a cold compile cache or a busy machine
    // put later kill moments past the end of faster runs (13 of 20 killed once on a loaded machine)
    const wholeRun = async (): Promise<number> => {
      const t0 = performance.now();
      await killAfter(timing, Infinity);
      return performance.now() - t0;
    };
    const full = Math.min(await wholeRun(), await wholeRun());

    const out = mkdtempSync(join(tmpdir(), 'hotwords-killed-'));
    await run({ inputs: SAMPLE, out, noDictGaps: true, noClouds: true });
    const jsonBefore = Object.fromEntries(readdirSync(join(out, 'json')).map((f) => [f, readFileSync(join(out, 'json', f), 'utf8')]));
    // moments spread over reading, segmenting, scoring, writing SQLite and JSON, and rendering clouds
    // 20 seeded random moments over the whole run
    let seed = 2021;
    const moments = Array.from({ length: 20 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.round((0.02 + 0.96 * (seed / 0x7fffffff)) * full);
    });
    let killed = 0;
    for (const ms of moments) {
      if (!(await killAfter(out, ms))) continue;
      killed++;
      const db = new Database(join(out, 'hotwords.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
      // the old database, or the new one whole: 106 sample suggestions + 2,240 messages
      expect([106, 2346]).toContain(n);
      db.close();
      for (const f of readdirSync(join(out, 'json'))) {
        if (f.includes('.tmp-')) continue; // a temporary file of the killed run, never read
        const text = readFileSync(join(out, 'json', f), 'utf8');
        // whole: the previous file, or a complete new one (a truncated file does not parse)
        expect(() => JSON.parse(text), f).not.toThrow();
        // JSON is written after the database commits: with the old database it must be the old JSON
        if (n === 106) expect(text, f).toBe(jsonBefore[f]);
      }
      // back to the previous state for the next moment
      await run({ inputs: SAMPLE, out, noDictGaps: true, noClouds: true, fresh: true });
    }
    expect(killed).toBeGreaterThanOrEqual(15);
    expect(existsSync(join(out, 'hotwords.sqlite'))).toBe(true);
  }, 1_200_000);
});
