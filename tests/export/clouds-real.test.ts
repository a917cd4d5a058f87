import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { MESSAGES_CSV, MESSAGES_MAP, describeShared } from '../shared-data.ts';

describeShared('word clouds and evidence of the real messages', () => {
  it('render every one of the top 50 words of the seven category clouds, in one shared scale', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-clouds-'));
    const summary = await run({ inputs: [MESSAGES_CSV], out, map: MESSAGES_MAP, noDictGaps: true, noPng: true, noTopics: true });
    const categoryClouds = summary.outputs.clouds.filter((c) => c.set === 'all years by category');
    expect(categoryClouds).toHaveLength(7);
    for (const c of categoryClouds) {
      expect(c.unplaced, c.svg).toEqual([]);
      expect(c.placed).toBe(50);
    }
    expect(new Set(categoryClouds.map((c) => c.scale)).size).toBe(1);
    // evidence.json lists every suggestion of a word, and gives the first 20 a passage
    const evidence = JSON.parse(readFileSync(join(out, 'json', 'evidence.json'), 'utf8')) as {
      words: { documents: { snippet: string | null }[] }[];
    };
    const long = evidence.words.filter((w) => w.documents.length > 20);
    expect(long.length).toBeGreaterThan(100);
    for (const w of long) {
      expect(w.documents.slice(20).every((d) => d.snippet === null)).toBe(true);
      expect(w.documents.slice(0, 20).filter((d) => d.snippet !== null).length).toBeGreaterThan(15);
    }
  }, 300_000);
});
