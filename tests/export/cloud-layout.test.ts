import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { expect, it } from 'vitest';
import { layoutCloud } from '../../src/export/wordcloud-layout.ts';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

it('lays out every cloud exactly as d3-cloud does on a fresh canvas of its own (the shared sprite canvas reads back only the rows drawn)', async () => {
  const out = mkdtempSync(join(tmpdir(), 'hotwords-layout-'));
  const summary = await run({ inputs: SAMPLE, out, noDictGaps: true, noTopics: true, noClouds: true });
  expect(summary.counts.accepted).toBe(106);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(out, 'hotwords.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT category, year, term, docs FROM keywords WHERE rank <= 50 ORDER BY category, year, rank').all() as {
    category: string | null;
    year: number | null;
    term: string;
    docs: number;
  }[];
  const scopes = new Map<string, { text: string; value: number }[]>();
  for (const r of rows) {
    const key = `${r.category}|${r.year}`;
    scopes.set(key, [...(scopes.get(key) ?? []), { text: r.term, value: r.docs }]);
  }
  expect(scopes.size).toBeGreaterThan(10);
  let compared = 0;
  // big and small scales in turn, so one layout's ink is on the shared canvas when the next starts
  for (const scale of [1, 0.45, 1.6, 0.8]) {
    for (const [key, words] of scopes) {
      const o = { width: 780, height: 440, maxSize: 72, minSize: 13, maxValue: Math.max(...words.map((w) => w.value)), seed: key, scale };
      const shared = layoutCloud(words, o);
      const fresh = layoutCloud(words, o, () => createCanvas(1, 1));
      expect(shared, `${key} at ${scale}`).toEqual(fresh);
      compared += shared.placed.length;
    }
  }
  expect(compared).toBeGreaterThan(1000);
}, 300_000);
