import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, describeShared } from '../shared-data.ts';
import { visibleState } from '../visible-state.ts';

const BIN = fileURLToPath(new URL('../../dist/cli/hotwords.js', import.meta.url));
const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
const MAP = 'id=id,title=title,text=detail,category=label,year=year';
const ARGS = ['--map', MAP, '--no-dict-gaps', '--lang', 'zh'];

/**
 * Start the job on the real messages into `out` and send `signal` after `ms` (never, if Infinity).
 * Resolves with whether the signal arrived before the process ended, its exit code and stderr.
 */
function signalAfter(
  out: string,
  ms: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ hit: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', MESSAGES_CSV, '--out', out, ...ARGS], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    let sent = false;
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          sent = child.exitCode === null && child.kill(signal);
        }, ms)
      : undefined;
    child.on('close', (code, got) => {
      clearTimeout(timer);
      resolve({ hit: sent && (got === signal || code !== 0), code, stderr });
    });
  });
}

describeShared('a run killed or stopped at any moment', () => {
  it('leaves the previous database and every export as they were, or the new ones whole: never a mix', async () => {
    // the state before (the sample) and after (the sample, then the messages) a whole run
    const previousRun = (out: string, fresh = false) => run({ inputs: SAMPLE, out, noDictGaps: true, noPng: true, fresh });
    const done = mkdtempSync(join(tmpdir(), 'hotwords-killed-done-'));
    await previousRun(done);
    // how long a whole run takes here, so the kills spread over all of it: the shorter of two (a first
    // run slowed by a cold compile cache or a busy machine put later moments past the end of faster runs)
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      expect((await signalAfter(done, Infinity)).code).toBe(0);
      times.push(performance.now() - t0);
    }
    const full = Math.min(...times);
    const after = visibleState(done);

    const out = mkdtempSync(join(tmpdir(), 'hotwords-killed-'));
    await previousRun(out);
    const before = visibleState(out);
    expect(before).not.toBe(after);
    // 20 seeded moments over the whole run: reading, segmenting, scoring, storing, JSON, clouds, report
    let seed = 2021;
    const moments = Array.from({ length: 20 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.round((0.02 + 0.96 * (seed / 0x7fffffff)) * full);
    });
    const seen = { before: 0, after: 0 };
    for (const ms of moments) {
      if (!(await signalAfter(out, ms)).hit) continue;
      const state = visibleState(out);
      // the previous state byte for byte, or the new one whole
      expect([before, after]).toContain(state);
      if (state === before) {
        seen.before++;
        continue;
      }
      seen.after++;
      await previousRun(out, true);
      expect(visibleState(out)).toBe(before);
    }
    expect(seen.before + seen.after).toBeGreaterThanOrEqual(15);
    expect(seen.before).toBeGreaterThanOrEqual(10);
    // what the killed runs left is removed by the next run: the current generation and the one before it
    await previousRun(out, true);
    expect(readdirSync(join(out, '.generations')).length).toBeLessThanOrEqual(2);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 1_500_000);

  it('SIGINT and SIGTERM stop a run: a message, exit 130 / 143, the folder as it was, nothing left behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-stopped-'));
    await run({ inputs: SAMPLE, out, noDictGaps: true, noPng: true });
    const before = visibleState(out);
    const generations = readdirSync(join(out, '.generations'));
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      // 1.5 s: after the dictionaries, while reading and segmenting
      const stopped = await signalAfter(out, 1500, signal);
      expect(stopped.hit).toBe(true);
      expect(stopped.code).toBe(code);
      expect(stopped.stderr).toContain(`收到 ${signal}`);
      expect(stopped.stderr).toContain('run/interrupted');
      expect(visibleState(out)).toBe(before);
      expect(readdirSync(join(out, '.generations'))).toEqual(generations);
      expect(existsSync(join(out, '.hotwords.lock'))).toBe(false);
    }
  }, 300_000);
});
