import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../src/corpus/csv-rows.ts';
import type { RunSummary } from '../../src/run.ts';
import { run } from '../../src/run.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
const ROWS = 300_000;

/**
 * 300,000 short rows, as a platform export of one-line messages is: each the clause of a bundled
 * suggestion (cut at ，。；), with that suggestion's category and year. A hot word of the whole corpus
 * is then in thousands of rows.
 */
function bigCsv(path: string): void {
  const clauses: { text: string; category: string; year: string }[] = [];
  for (const file of SAMPLE) {
    const [header, ...rows] = [...parseCsv(readFileSync(file, 'utf8'))].flatMap((r) => (r.kind === 'row' ? [r.fields] : []));
    const at = (name: string): number => header!.indexOf(name);
    for (const r of rows) {
      for (const clause of r[at('内容')]!.split(/[，。；,]/)) {
        if (clause.length >= 6) clauses.push({ text: clause, category: r[at('类别')]!, year: r[at('年份')]! });
      }
    }
  }
  const lines = ['id,title,text,category,year'];
  for (let i = 0; i < ROWS; i++) {
    const c = clauses[(i * 7919) % clauses.length]!;
    lines.push(`m${i},,${c.text},${c.category},${c.year}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describeBrowser('a 300,000-row input', () => {
  let summary: RunSummary;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-big-input-'));
    const input = join(dir, 'messages.csv');
    bigCsv(input);
    summary = await run({ inputs: [input], out: join(dir, 'out'), noDictGaps: true, noPng: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    page.on('pageerror', (e) => errors.push(String(e)));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('gives JSON files that JSON.parse reads, the evidence listing at most 100 suggestions a word with the total', () => {
    expect(summary.counts.accepted).toBe(ROWS);
    for (const f of summary.outputs.json) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();
    const evidence = JSON.parse(
      readFileSync(
        summary.outputs.json.find((f) => f.endsWith('evidence.json'))!,
        'utf8',
      ),
    ) as {
      words: { total: number; documents: unknown[] }[];
    };
    expect(Math.max(...evidence.words.map((w) => w.documents.length))).toBe(100);
    expect(Math.max(...evidence.words.map((w) => w.total))).toBeGreaterThan(1_000);
    for (const w of evidence.words) expect(w.total).toBeGreaterThanOrEqual(w.documents.length);
    // bounded: the uncapped evidence of 300,000 rows was 572 MB
    expect(statSync(summary.outputs.report!).size).toBeLessThan(60 * 1024 * 1024);
  });

  it('gives a report Chromium opens and draws, whose drill-down says how many of how many it lists', async () => {
    await openReport(page, summary.outputs.report!);
    expect(errors).toEqual([]);
    const bar = page.locator('#words g.word-bar').first();
    await bar.click();
    expect(await page.locator('#drill-title').textContent()).toMatch(/：\d{4,} 件相关建议（列出出现次数最多的 100 件）$/);
    expect(await page.locator('#drill-list li').count()).toBe(100);
  }, 120_000);
});
