import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { run } from '../../src/run.ts';
import { describeBrowser, launchChromium, openReport } from './browser.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);
const quick = { noDictGaps: true, noPng: true, noTopics: true } as const;

/** The 2021 all-categories list of a run's database. */
function list2021(out: string): { term: string; docs: number }[] {
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT term, docs FROM keywords WHERE category IS NULL AND year = 2021 ORDER BY rank').all() as {
    term: string;
    docs: number;
  }[];
  db.close();
  return rows;
}

describeBrowser('curating the lists from the report', () => {
  it('drop a word and merge another in the page, save curation.txt into the folder: the next run lists neither', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hotwords-curation-'));
    const first = await run({ inputs: SAMPLE, out, ...quick });
    const before = list2021(out);
    // the page shows 2021 over all categories: its first word is dropped, its second merged into its third
    const [dropped, merged, into] = before.slice(0, 3).map((r) => r.term) as [string, string, string];
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
      await openReport(page, first.outputs.report!);
      const bars = page.locator('#words g.word-bar');
      // the bars are labelled with their rank: 1. word
      const words = await Promise.all([0, 1, 2].map(async (i) => (await bars.nth(i).locator('text').first().textContent())!));
      expect(words).toEqual([`1. ${dropped}`, `2. ${merged}`, `3. ${into}`]);
      await bars.nth(0).click();
      await page.locator('#curate-drop').click();
      await bars.nth(1).click();
      page.once('dialog', (d) => void d.accept(into));
      await page.locator('#curate-merge').click();
      expect(await page.locator('#curation-list li').allTextContents()).toEqual([
        `删除：${dropped} 撤销`,
        `合并：${merged} → ${into} 撤销`,
      ]);
      const download = page.waitForEvent('download');
      await page.locator('#curation-save').click();
      await (await download).saveAs(join(out, 'curation.txt'));
    } finally {
      await browser.close();
    }
    expect(readFileSync(join(out, 'curation.txt'), 'utf8')).toContain(`${dropped}\n${merged} => ${into}\n`);

    // the analyst's next run reads it from the folder, says so, and lists neither word
    const second = await run({ inputs: SAMPLE, out, ...quick });
    expect(second.diagnostics.find((d) => d.ruleId === 'config/curation')?.reason).toMatch(
      /^curation used: 1 words dropped from the lists, 1 merged/,
    );
    const after = list2021(out);
    expect(after.map((r) => r.term)).not.toContain(dropped);
    expect(after.map((r) => r.term)).not.toContain(merged);
    // the merged word's suggestions count for the word it was merged into
    const intoBefore = before.find((r) => r.term === into)!.docs;
    expect(after.find((r) => r.term === into)!.docs).toBeGreaterThanOrEqual(intoBefore);
    // the stored counts are not touched: without the file the lists come back
    const third = await run({ inputs: SAMPLE, out, ...quick, curation: null });
    expect(third.diagnostics.some((d) => d.ruleId === 'config/curation')).toBe(false);
    expect(
      list2021(out)
        .slice(0, 3)
        .map((r) => r.term),
    ).toEqual([dropped, merged, into]);
  }, 180_000);
});
