import { mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { run } from '../../src/run.ts';
import { tmpfs } from '../tmpfs.ts';
import { visibleState } from '../visible-state.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

const disk = tmpfs('hotwords-full-disk-', '24m', 'full-disk');
const mount = disk.path;

disk.describe('a full disk', () => {
  const out = join(mount, 'out');
  const filler = join(mount, 'filler');
  let before = '';
  beforeAll(async () => {
    await run({ inputs: [SAMPLE[0]!], out, noDictGaps: true, noTopics: true });
    before = visibleState(out);
  }, 120_000);
  afterAll(disk.unmount);

  // free space left for the run, in KB: stops it while copying the database, writing it, writing the
  // JSON, the clouds or the report
  for (const freeKb of [64, 900, 2200, 2600, 4600, 6000]) {
    it(`with ${freeKb} KB free: one line naming the file and the cause, exit 1, the folder as it was`, async () => {
      const fs = statfsSync(mount);
      const free = fs.bavail * fs.bsize;
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - freeKb * 1024)));
      let stderr = '';
      const code = await main(['run', ...SAMPLE, '--out', out, '--no-dict-gaps', '--no-topics'], {
        stdout: () => {},
        stderr: (s) => (stderr += s),
        isTTY: false,
        readStdin: async () => '',
      });
      rmSync(filler);
      expect(code, stderr).toBe(1);
      // the stages that ended before the disk was full say so; then one line of error
      const lines = stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('hotwords: 进度 '));
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/设备空间不足.*（(ENOSPC|SQLITE_FULL)）；本次运行的结果都未保留 {2}export\/write-failed$/);
      expect(lines[0]!.startsWith(mount)).toBe(true);
      expect(visibleState(out)).toBe(before);
      // nothing of the failed run is left: the one generation, no temporary files, no lock
      expect(readdirSync(join(out, '.generations'))).toHaveLength(1);
      expect(readdirSync(out).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
    }, 120_000);
  }

  it('with room again, the same run goes through', async () => {
    mkdirSync(out, { recursive: true });
    const summary = await run({ inputs: SAMPLE, out, noDictGaps: true, noTopics: true });
    expect(summary.documents.added).toBe(106);
    expect(visibleState(out)).not.toBe(before);
  }, 120_000);
});
