import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
/** Screenshots for people to look at; CI keeps them in the checkout. */
const SHOTS = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));

describeBrowser('the distribution-analysis report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-report-'));
    const summary = await run({ inputs: SAMPLE, out, noDictGaps: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await openReport(page, summary.outputs.report!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from file:// with no console errors', () => {
    expect(errors).toEqual([]);
  });

  it('shows the 2021 report figures: category shares, adoption, disclosure and its change on 2020', async () => {
    const bars = await page.locator('#by-category g.bar text').allTextContents();
    for (const s of ['11 件 · 16.4%', '24 件 · 35.9%', '8 件 · 11.9%', '16 件 · 23.9%']) expect(bars).toContain(s);
    const kpis = await page.locator('#kpis').textContent();
    expect(kpis).toContain('92.54%');
    expect(kpis).toContain('100.00%');
    expect(kpis).toContain('较2020年提高5.13个百分点');
  });

  it('draws as many marks as the data implies', async () => {
    expect(await page.locator('#by-category g.bar').count()).toBe(5);
    expect(await page.locator('#by-result g.bar').count()).toBe(3);
    expect(await page.locator('#words g.word-bar').count()).toBe(20);
    expect(await page.locator('#network g.net-node').count()).toBe(30);
    expect(await page.locator('#trends g.series').count()).toBe(6);
    // the lines' names at their ends never overlap (two of the sample's 2021 shares are the same)
    const boxes = await page.locator('#trends g.series text').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, text: e.textContent };
      }),
    );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a.bottom <= b.top || b.bottom <= a.top, `${a.text} over ${b.text}`).toBe(true);
    expect(await page.locator('#category-matrix tr').count()).toBe(6);
    const img = page.locator('#cloud');
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  });

  it('redraws for a category and year', async () => {
    await page.selectOption('#category', '城区建设与管理');
    expect(await page.locator('#words-title').textContent()).toContain('建议 24 件');
    expect(await page.locator('#words g.word-bar').count()).toBe(20);
  });

  it('lists the scope’s themes from the titles, with the members of a family', async () => {
    // 城区建设与管理 is selected (all years): 加装电梯 is raised by two titles, 精品小区 by one
    const themes = await page.locator('#themes li').allTextContents();
    expect(themes.length).toBeGreaterThan(5);
    expect(themes.some((t) => t.includes('精品小区'))).toBe(true);
    expect(themes.some((t) => t.includes('加装电梯') && t.includes('件'))).toBe(true);
    expect(await page.locator('#themes-empty').isHidden()).toBe(true);
  });

  it('sets the themes in two columns whose text never runs under the other column’s numbers', async () => {
    // 2021 全部类别: 加装电梯's members (…电梯安全评估、加装电梯资金补贴) ran under "12." of the second column
    const year = await page.locator('#year').inputValue();
    const category = await page.locator('#category').inputValue();
    await page.selectOption('#year', '2021');
    await page.selectOption('#category', { label: '全部类别' });
    const items = await page.locator('#themes li').evaluateAll((els) =>
      els.map((li) => {
        const range = document.createRange();
        range.selectNodeContents(li);
        const right = Math.max(...Array.from(range.getClientRects(), (r) => r.right));
        // the number of an outside marker ends where the item starts; its width is the text "20. " in the item's font
        const probe = document.createElement('span');
        probe.textContent = `${els.length}. `;
        probe.style.font = getComputedStyle(li).font;
        probe.style.position = 'absolute';
        document.body.append(probe);
        const marker = probe.getBoundingClientRect().width;
        probe.remove();
        return { left: li.getBoundingClientRect().left, right, marker };
      }),
    );
    const firstLeft = Math.min(...items.map((i) => i.left));
    const second = items.filter((i) => i.left > firstLeft + 50);
    expect(second.length).toBeGreaterThan(0);
    const numbersStart = Math.min(...second.map((i) => i.left - i.marker));
    for (const i of items.filter((x) => x.left <= firstLeft + 50)) expect(i.right).toBeLessThanOrEqual(numbersStart - 4);
    await page.selectOption('#year', year);
    await page.selectOption('#category', category);
  });

  it('shows the topics of the scope: a name to read aloud, the size, top words and representative titles', async () => {
    const items = page.locator('#topics > li');
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    for (const text of await items.locator('strong').allTextContents()) {
      expect(text).toMatch(/^[^·]+（\d+ 件）$/);
    }
    expect(await items.first().locator('ul li').count()).toBeGreaterThan(0);
    expect(await page.locator('#topics-empty').isHidden()).toBe(true);
  });

  it('draws the network of the year shown, coloured by topic, labels apart and inside, every node with its suggestions', async () => {
    const nodes = page.locator('#network g.net-node');
    const n = await nodes.count();
    expect(n).toBeGreaterThan(10);
    // labels: none overlaps another, none leaves the panel
    const boxes = await page.locator('#network text.net-label').evaluateAll((els) =>
      els.map((e) => {
        const b = e.getBoundingClientRect();
        return { x0: b.left, x1: b.right, y0: b.top, y1: b.bottom };
      }),
    );
    const panel = await page.locator('#network').evaluate((e) => e.getBoundingClientRect().right);
    // every word named: beside its node, else above or below it (2 of the sample's 30 had no room at either side)
    expect(boxes.length).toBe(n);
    for (const [i, a] of boxes.entries()) {
      expect(a.x1).toBeLessThanOrEqual(panel + 1);
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1).toBe(false);
    }
    // nor lies on another word's circle (人工智能 was drawn under the circle of 数据)
    const circles = await page.locator('#network g.net-node').evaluateAll((els) =>
      els.map((g) => {
        const b = g.querySelector('circle')!.getBoundingClientRect();
        const label = g.querySelector('text.net-label');
        return { cx: (b.left + b.right) / 2, cy: (b.top + b.bottom) / 2, r: b.width / 2, label: label?.textContent ?? null };
      }),
    );
    const labelled = await page.locator('#network text.net-label').evaluateAll((els) =>
      els.map((e) => {
        const b = e.getBoundingClientRect();
        return { text: e.textContent, x0: b.left, x1: b.right, y0: b.top + 2, y1: b.bottom - 2 };
      }),
    );
    for (const l of labelled)
      for (const c of circles.filter((c) => c.label !== l.text)) {
        const dx = Math.max(l.x0, Math.min(c.cx, l.x1)) - c.cx;
        const dy = Math.max(l.y0, Math.min(c.cy, l.y1)) - c.cy;
        expect(dx * dx + dy * dy >= (c.r - 1) ** 2, `${l.text} on the circle of ${c.label}`).toBe(true);
      }
    expect(
      new Set(await page.locator('#network circle').evaluateAll((els) => els.map((e) => e.getAttribute('fill')))).size,
    ).toBeGreaterThan(2);
    // each node of the 2021 view lists the suggestions of 2021 that contain it
    const empty: string[] = [];
    for (let i = 0; i < n; i++) {
      await nodes.nth(i).dispatchEvent('click');
      const title = (await page.locator('#drill-title').textContent())!;
      if (!/：[1-9]\d* 件相关建议/.test(title)) empty.push(title);
    }
    expect(empty).toEqual([]);
  });

  it('drills down from a word to the suggestions containing it, the word highlighted', async () => {
    const bar = page.locator('#words g.word-bar').first();
    // labelled with its rank: 1. word
    const term = (await bar.locator('text').first().textContent())!.replace(/^1\. /, '');
    await bar.click();
    expect(await page.locator('#drill-title').textContent()).toContain(`“${term}”`);
    const items = page.locator('#drill-list li');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.first().locator('mark').first().textContent()).toBe(term);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
  });
});
