import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { expect, it } from 'vitest';
import { CLOUD_FONT_FAMILY, cloudFontPath } from '../../src/export/cloud-font.ts';
import type { CloudLayout } from '../../src/export/wordcloud-layout.ts';
import { layoutCloud } from '../../src/export/wordcloud-layout.ts';
import { run } from '../../src/run.ts';

const SAMPLE = ['suggestions-2020.csv', 'suggestions-2021.csv'].map((f) =>
  fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)),
);

/**
 * The reference for the sprite canvas: a fresh canvas of pixel ratio 2 done the plain way — d3-cloud
 * draws at half size, the padding's stroke is halved to stay its full-size width, and every read
 * blows the whole half-size canvas up into 2 × 2 blocks.
 */
function plainHalfCanvas(): unknown {
  const real = createCanvas(1024, 1024);
  const ctx = real.getContext('2d');
  const context = new Proxy(ctx, {
    get(target, key) {
      if (key === 'getImageData')
        return (x: number, y: number, w: number, h: number) => {
          if (w === 1 && h === 1) return { data: new Uint8ClampedArray(16) };
          const drawn = target.getImageData(x, y, w, h).data;
          const pixels = new Uint8ClampedArray(2048 * 2048 * 4);
          for (let r = 0; r < h; r++)
            for (let c = 0; c < w; c++)
              if (drawn[(r * w + c) * 4 + 3]! > 0)
                for (const [dr, dc] of [
                  [0, 0],
                  [0, 1],
                  [1, 0],
                  [1, 1],
                ] as const)
                  pixels[((2 * r + dr) * 2048 + 2 * c + dc) * 4] = 255;
          return { data: pixels };
        };
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
    set(target, key, value) {
      return Reflect.set(target, key, key === 'lineWidth' ? (value as number) / 2 : value);
    },
  });
  return { width: 1024, height: 1024, getContext: () => context };
}

/** Pairs of placed words whose glyphs, drawn at full size where the SVG puts them, share a pixel. */
function overlaps(layout: CloudLayout, width: number, height: number): string[] {
  if (!GlobalFonts.has(CLOUD_FONT_FAMILY)) GlobalFonts.registerFromPath(cloudFontPath(), CLOUD_FONT_FAMILY);
  const owner = new Int16Array(width * height).fill(-1);
  const found: string[] = [];
  layout.placed.forEach((w, i) => {
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.font = `${w.size}px ${CLOUD_FONT_FAMILY}`;
    ctx.textAlign = 'center';
    ctx.fillText(w.text, width / 2 + w.x, height / 2 + w.y);
    const alpha = ctx.getImageData(0, 0, width, height).data;
    for (let p = 0; p < owner.length; p++) {
      if (alpha[p * 4 + 3]! < 64) continue;
      if (owner[p]! >= 0) found.push(`${layout.placed[owner[p]!]!.text} × ${w.text}`);
      owner[p] = i;
    }
  });
  return [...new Set(found)];
}

it('lays out every cloud as d3-cloud does on a fresh half-size canvas of its own (the shared one reads back only the rows drawn), no two words touching', async () => {
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
      const fresh = layoutCloud(words, o, plainHalfCanvas);
      expect(shared, `${key} at ${scale}`).toEqual(fresh);
      compared += shared.placed.length;
      // the half-size sprites cover the full-size glyphs: no two words touch
      if (scale === 1) expect(overlaps(shared, o.width, o.height), `${key}`).toEqual([]);
    }
  }
  expect(compared).toBeGreaterThan(1000);
  // and the check sees two words drawn over each other
  const twice: CloudLayout = {
    placed: [
      { text: '加装电梯', value: 3, x: 0, y: 0, size: 40, rotate: 0 },
      { text: '电梯安全', value: 2, x: 30, y: 10, size: 30, rotate: 0 },
    ],
    unplaced: [],
    scale: 1,
  };
  expect(overlaps(twice, 780, 440)).toEqual(['加装电梯 × 电梯安全']);
}, 300_000);
