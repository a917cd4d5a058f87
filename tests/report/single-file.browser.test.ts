import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

describeBrowser('the report as one file: moved, narrow, printed', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let moved = '';
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-single-'));
    const summary = await run({ inputs: SAMPLE, out, noDictGaps: true });
    expect(readdirSync(join(out, 'report'))).toEqual(['index.html']);
    // the page alone, in a folder of its own, under another name: as it is mailed
    moved = join(mkdtempSync(join(tmpdir(), 'hotwords-mailed-')), '2021简报.html');
    copyFileSync(summary.outputs.report!, moved);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    await openReport(page, moved);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens alone from another folder: scripts, data and the cloud all inside, nothing else asked for', async () => {
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([pathToFileURL(moved).href]);
    expect(await page.locator('script[src], link[href]').count()).toBe(0);
    expect(await page.locator('#cloud').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await page.locator('#cloud').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    // only the page's own two scripts may run: the policy names them by hash
    const policy = readFileSync(moved, 'utf8').match(/script-src ([^;]+);/)![1]!;
    expect(policy.trim().split(' ')).toHaveLength(2);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('shows the year’s briefing paragraph first, and copies it', async () => {
    const text = (await page.locator('#briefing-text').textContent())!;
    expect(text).toContain('区十六届人大六次会议期间，共收到建议67件。');
    expect(text).toContain('主动公开率达100%，较2020年（94.87%）提高5.13个百分点。');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('#briefing-copy').click();
    await page.locator('#briefing-copied').waitFor({ state: 'visible' });
  });

  it('brings the drill-down list into view when a word is clicked', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#words g.word-bar').first().click();
    const top = await page.locator('#drill').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(900);
  });

  it('fits a 390-pixel screen without sideways scrolling', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 390, height: 844 });
    await openReport(narrow, moved);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // every panel within the screen
    const overflowing = await narrow.evaluate(() =>
      [...document.querySelectorAll('section')]
        .filter((s) => s.getBoundingClientRect().right > 391)
        .map((s) => s.id || s.querySelector('h2')?.textContent),
    );
    expect(overflowing).toEqual([]);
    await narrow.close();
  });

  it('prints the paragraph first, each panel whole, without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      first: document.querySelector('main section')!.id,
      controls: [...document.querySelectorAll('header label, #briefing-copy')].map((e) => getComputedStyle(e).display),
      breaks: [...new Set([...document.querySelectorAll('main section')].map((s) => getComputedStyle(s).breakInside))],
    }));
    expect(layout.first).toBe('briefing');
    expect(layout.controls.every((d) => d === 'none')).toBe(true);
    expect(layout.breaks).toEqual(['avoid']);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
