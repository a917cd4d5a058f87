import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { run } from '../../src/index.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

it('weighs the words of suggestions without a category, where others have one, as a category of their own', async () => {
  // the bundled sample with the category of every fourth suggestion left blank, as an export of
  // suggestions not yet classified gives it: R2020-006 and R2021-010, both about 人工智能, are two of them
  const dir = mkdtempSync(join(tmpdir(), 'hotwords-uncategorised-'));
  const inputs = SAMPLE.map((path, f) => {
    const [head, ...rows] = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const at = head!.split(',').indexOf('类别');
    const mixed = rows.map((row, i) => {
      if (i % 4 !== 1) return row;
      const cells = row.split(',');
      cells[at] = '';
      return cells.join(',');
    });
    const out = join(dir, `mixed-${f}.csv`);
    writeFileSync(out, `${[head, ...mixed].join('\n')}\n`);
    return out;
  });
  const out = join(dir, 'out');
  await run({ inputs, out, noTopics: true, noClouds: true });
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  const uncategorised = db.prepare("SELECT id FROM documents WHERE category IS NULL AND id IN ('R2020-006', 'R2021-010')").all();
  expect(uncategorised).toHaveLength(2);
  // the whole corpus weighs its words by its categories: 人工智能, raised only by those two, weighed nothing
  const whole = (db.prepare('SELECT term FROM keywords WHERE category IS NULL AND year IS NULL').all() as { term: string }[]).map(
    (r) => r.term,
  );
  expect(whole).toContain('人工智能');
  // listed in no scope of its own
  const categories = (db.prepare('SELECT DISTINCT category FROM keywords WHERE category IS NOT NULL').all() as { category: string }[]).map(
    (r) => r.category,
  );
  expect(categories.sort()).toEqual(['公共安全与交通', '城区建设与管理', '民生保障', '社会事业', '经济发展']);
  expect(
    db
      .prepare('SELECT count(*) AS n FROM scopes WHERE category IS NOT NULL AND category NOT IN (SELECT DISTINCT category FROM documents)')
      .get(),
  ).toEqual({
    n: 0,
  });
  db.close();
});
