import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderCloudPngs } from '../../src/export/wordcloud-png.ts';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) => fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)));

it('renders each cloud SVG of a run to its own PNG, the same bytes on one thread as on three', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-png-'));
  await run({ inputs: SAMPLE, out, noTopics: true, noDictGaps: true, noPng: true });
  const dir = join(out, 'clouds');
  const svgs = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.svg')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  // more clouds than one worker takes, so several workers render in turn
  expect(svgs.length).toBeGreaterThan(6);
  const one = await renderCloudPngs(svgs, { threads: 1 });
  const three = await renderCloudPngs(svgs, { threads: 3 });
  expect(one.length).toBe(svgs.length);
  one.forEach((png, i) => {
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: 1800 pixels wide
    expect(png.readUInt32BE(16)).toBe(1800);
    expect(png.equals(three[i]!), `image ${i}`).toBe(true);
  });
  // no image repeats its neighbour (a mix-up of indices between workers would)
  for (let i = 1; i < one.length; i++) expect(one[i]!.equals(one[i - 1]!)).toBe(false);
  expect(await renderCloudPngs([], { threads: 2 })).toEqual([]);
}, 120_000);

it('fails with the worker\'s reason on an SVG resvg cannot read, and leaves no font folder behind', async () => {
  const before = readdirSync(tmpdir()).filter((f) => f.startsWith('hotwords-font-')).length;
  await expect(renderCloudPngs(['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>云</text></svg>', 'not an svg'], { threads: 1, names: ['a.svg', 'b.svg'] })).rejects.toThrow(/^b\.svg: resvg cannot render it: SVG data parsing failed/);
  expect(readdirSync(tmpdir()).filter((f) => f.startsWith('hotwords-font-')).length).toBe(before);
}, 60_000);
