import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderCloudPngs, startCloudPngs } from '../../src/export/wordcloud-png.ts';
import { cloudSvgCharacters, renderCloudSvg } from '../../src/export/wordcloud-svg.ts';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

it('renders each cloud SVG of a run to its own PNG, the same bytes on one thread as on three', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-png-'));
  await run({ inputs: SAMPLE, out, noTopics: true, noDictGaps: true, noPng: true });
  const dir = join(out, 'clouds');
  const svgs = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.svg'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
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

  // added one at a time, while earlier ones render, with a font cut down to more characters than
  // the images use (as a run makes it before its layouts): the same bytes
  const streamed = startCloudPngs(cloudSvgCharacters([...'全市各区县乡镇街道社区居民委员会', ...svgs.join('')]), { threads: 2 });
  for (const [i, svg] of svgs.entries()) {
    streamed.add(svg, `cloud ${i}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const pngs = await streamed.finish();
  pngs.forEach((png, i) => expect(png.equals(one[i]!), `image ${i}`).toBe(true));
}, 120_000);

it('knows every character of a panel before its layout: texts, the note on words that did not fit, markup and numbers', () => {
  const words = ['垃圾分类', '停车难', 'A3区', '&<"\'>'];
  const svg = renderCloudSvg({
    title: '2021年 · 城区建设与管理 · 建议热议词',
    caption: '范围：2021年 · 建议 12 件',
    source: '来源：a.csv',
    color: '#4e79a7',
    layout: { placed: [{ text: words[0]!, value: 3, x: -12.5, y: 40, size: 31, rotate: 90 }], unplaced: words.slice(1), scale: 0.75 },
  });
  const known = cloudSvgCharacters(['2021年 · 城区建设与管理 · 建议热议词', '范围：2021年 · 建议 12 件', '来源：a.csv', ...words]);
  expect([...svg].filter((ch) => !known.has(ch))).toEqual([]);
  expect(svg).toContain('未能排入（3）：停车难、A3区');
  // what the texts do not have is not there: the font would be cut down without it
  expect(known.has('雪')).toBe(false);
});

it('refuses an SVG with a character its font was cut down without, naming the file', async () => {
  const renderer = startCloudPngs(cloudSvgCharacters(['云']), { threads: 1 });
  expect(() =>
    renderer.add('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>雨</text></svg>', 'clouds/2021/all.svg'),
  ).toThrow(/^clouds\/2021\/all\.svg: the cloud font was cut down without "雨" \(U\+96E8\)/);
  await renderer.abort();
});

it("fails with the worker's reason on an SVG resvg cannot read, and leaves no font folder behind", async () => {
  const before = readdirSync(tmpdir()).filter((f) => f.startsWith('hotwords-font-')).length;
  await expect(
    renderCloudPngs(['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>云</text></svg>', 'not an svg'], {
      threads: 1,
      names: ['a.svg', 'b.svg'],
    }),
  ).rejects.toThrow(/^b\.svg: resvg cannot render it: SVG data parsing failed/);
  expect(readdirSync(tmpdir()).filter((f) => f.startsWith('hotwords-font-')).length).toBe(before);
}, 60_000);
