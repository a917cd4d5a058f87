import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { HAS_SHARED, MESSAGES_CSV, MESSAGES_MAP } from '../shared-data.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

// in CI the browser is installed by .ci/run and ../shared is present: never skip there
const describeReal = HAS_SHARED ? describeBrowser : describe.skip;

describeReal('the report on data that lack fields (the labelled messages: no disclosure, result or unit)', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-missing-'));
    const summary = await run({ inputs: [MESSAGES_CSV], out, map: MESSAGES_MAP, noDictGaps: true, noTopics: true, noClouds: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    page.on('pageerror', (e) => errors.push(String(e)));
    await openReport(page, summary.outputs.report!);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the latest year with at least a tenth of the largest year’s suggestions, and says why', async () => {
    expect(errors).toEqual([]);
    // 2020 has 10 messages, 2019 has 485
    expect(await page.locator('#year').inputValue()).toBe('2019');
    expect(await page.locator('#year-rule').textContent()).toContain('2019');
  });

  it('shows 无数据 for the rates the data cannot give, never 0.00% or 未填 100%', async () => {
    const kpis = (await page.locator('#kpis').textContent())!;
    expect(kpis).toContain('无数据');
    expect(kpis).not.toContain('0.00%');
    expect(kpis).not.toContain('个百分点');
    expect(await page.locator('#by-result').textContent()).not.toContain('未填');
    expect(await page.locator('#by-result').textContent()).toContain('无数据');
    expect(await page.locator('#by-unit').textContent()).not.toContain('未填');
  });

  it('keeps the category × year table of every year readable: a name on one line, the years inside their panel', async () => {
    const years = await page.locator('#category-matrix th').count();
    expect(years).toBeGreaterThanOrEqual(8);
    const heights = await page
      .locator('#category-matrix td:first-child')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(32);
    // the table scrolls inside its panel, never under the next one
    const [holder, panel] = await page
      .locator('#category-matrix')
      .evaluate((e) => [e.getBoundingClientRect().right, e.closest('section')!.getBoundingClientRect().right]);
    expect(holder).toBeLessThanOrEqual(panel!);
  });

  it('marks a scope of fewer than 20 suggestions', async () => {
    await page.selectOption('#year', '2020');
    expect(await page.locator('#words-title').textContent()).toContain('不足 20 件');
  });
});
