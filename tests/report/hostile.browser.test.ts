import { existsSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunSummary } from '../../src/run.ts';
import { run } from '../../src/run.ts';
import { fixture } from '../shared-data.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

describeBrowser('hostile text in suggestions', () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-hostile-'));
  let summary: RunSummary;
  let browser: Browser;

  beforeAll(async () => {
    summary = await run({ inputs: [fixture('hostile.csv')], out, noDictGaps: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('stores script, markup and SQL verbatim, and runs none of the SQL', () => {
    expect(summary.counts).toEqual({ read: 6, accepted: 6, rejected: 0 });
    const db = new Database(summary.outputs.database, { readonly: true });
    expect(db.prepare("SELECT title FROM documents WHERE id = 'h1'").get()).toEqual({ title: '<script>alert(1)</script>' });
    expect(db.prepare("SELECT title FROM documents WHERE id = 'h3'").get()).toEqual({ title: "'); DROP TABLE keywords;--" });
    expect((db.prepare('SELECT count(*) AS n FROM keywords').get() as { n: number }).n).toBeGreaterThan(0);
    expect(db.prepare("SELECT unit FROM documents WHERE id = 'h1'").get()).toEqual({ unit: '<b>区建管委</b>' });
    db.close();
  });

  it('names files after hostile categories safely, inside --out', () => {
    const root = resolve(out) + sep;
    const files = readdirSync(out, { recursive: true }) as string[];
    for (const f of files) expect(resolve(out, f).startsWith(root)).toBe(true);
    const clouds = summary.outputs.clouds.map((c) => c.svg.slice(resolve(out).length));
    expect(clouds.some((c) => c.includes('etc'))).toBe(true);
    for (const c of clouds) {
      const name = c.split(sep).pop()!;
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).not.toMatch(/^CON\./);
      expect(c).not.toContain('..');
    }
    expect(existsSync(join(out, 'etc'))).toBe(false);
  });

  it('shows it all as text in the report: no script runs, no element is injected', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await openReport(page, summary.outputs.report!);
    await page.selectOption('#category', 'CON');
    const bars = page.locator('#words g.word-bar');
    expect(await bars.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await bars.count()); i++) {
      await bars.nth(i).click();
    }
    const unit = await page.locator('#by-unit').textContent();
    expect(unit).toContain('<b>区建管委</b>');
    const drilled = await page.locator('#drill-list').textContent();
    expect(drilled).toMatch(/<script>alert\(1\)<\/script>|javascript:alert\(1\)/);
    expect(
      await page.evaluate(
        () => document.querySelectorAll('img[src="x"], a[href^="javascript:"], #drill-list script, #drill-list img, #by-unit b').length,
      ),
    ).toBe(0);
    // the data, then D3 and the page's script, both inline (allowed by hash): no other script
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src') ?? (s.type || 'inline')))).toEqual([
      'application/json',
      'inline',
      'inline',
    ]);
    expect(await page.title()).toBe('建议分布分析 · hotwords');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
