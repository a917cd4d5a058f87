import { createRequire } from 'node:module';
import type { Canvas } from '@napi-rs/canvas';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';
import { seededRandom } from '../score/seeded-random.ts';

/** A word to place, sized by `value` (suggestions raising it). */
export interface CloudWord {
  text: string;
  value: number;
}

/** A placed word, relative to the cloud's centre. */
export interface PlacedWord {
  text: string;
  value: number;
  x: number;
  y: number;
  size: number;
  rotate: number;
}

export interface CloudLayout {
  placed: PlacedWord[];
  /** Words that did not fit even at the smallest scale: listed, never dropped silently. */
  unplaced: string[];
  /** The font scale used (1 = as asked; smaller after shrinking to fit). */
  scale: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Font size of a word with the set's largest value, at scale 1. */
  maxSize: number;
  minSize: number;
  /** The largest value in the panel's set: panels of one set share it, so sizes compare. */
  maxValue: number;
  seed: string;
  scale: number;
}

interface D3Cloud {
  size(s: [number, number]): D3Cloud;
  words(w: object[]): D3Cloud;
  padding(p: (d: { size: number }) => number): D3Cloud;
  rotate(f: () => number): D3Cloud;
  font(f: string): D3Cloud;
  fontSize(f: (d: { value: number }) => number): D3Cloud;
  random(r: () => number): D3Cloud;
  canvas(c: () => unknown): D3Cloud;
  timeInterval(t: number): D3Cloud;
  on(event: 'end', f: (tags: PlacedWord[]) => void): D3Cloud;
  start(): D3Cloud;
}

/** Register the cloud font with the canvas (idempotent: GlobalFonts keeps one entry per family). */
function ensureFont(): void {
  if (!GlobalFonts.has(CLOUD_FONT_FAMILY)) GlobalFonts.registerFromPath(cloudFontPath(), CLOUD_FONT_FAMILY);
}

/** Font size of a value in a set: square-root scale, so areas follow counts. */
export function fontSize(value: number, o: Pick<LayoutOptions, 'maxSize' | 'minSize' | 'maxValue' | 'scale'>): number {
  const t = o.maxValue <= 1 ? 1 : Math.sqrt((value - 1) / (o.maxValue - 1));
  return Math.max(6, Math.round((o.minSize + (o.maxSize - o.minSize) * t) * o.scale));
}

/**
 * d3-cloud's sprite canvas (2048 × 2048, 16 MB of native memory that V8 does
 * not see, so it is collected late): one is reused for every layout — d3-cloud
 * clears it before drawing — instead of one per layout, which took a run over
 * 3 GB. A cache, not state: any canvas gives the same layout.
 */
let spriteCanvas: Canvas | undefined;
function sprites(): Canvas {
  spriteCanvas ??= createCanvas(1, 1);
  return spriteCanvas;
}

/**
 * Lay out a word cloud with d3-cloud, measuring glyphs with @napi-rs/canvas
 * and the bundled Noto Sans SC. Horizontal words, seeded: the same words and
 * seed give the same layout. Runs synchronously (d3-cloud places every word in
 * its first step when the time interval is unbounded).
 */
export function layoutCloud(words: readonly CloudWord[], o: LayoutOptions): CloudLayout {
  ensureFont();
  const require = createRequire(import.meta.url);
  const cloud = require('d3-cloud') as () => D3Cloud;
  let placed: PlacedWord[] = [];
  cloud()
    .size([o.width, o.height])
    .canvas(sprites)
    .words(words.map((w) => ({ text: w.text, value: w.value })))
    // gap between words grows with their size, so two large neighbours never read as one word
    .padding((d) => Math.max(3, Math.round(d.size * 0.14)))
    .rotate(() => 0)
    .font(CLOUD_FONT_FAMILY)
    .fontSize((d) => fontSize(d.value, o))
    .random(seededRandom(o.seed))
    .timeInterval(Infinity)
    .on('end', (tags) => {
      placed = tags.map((t) => ({ text: t.text, value: t.value, x: t.x, y: t.y, size: t.size, rotate: t.rotate }));
    })
    .start();
  const got = new Set(placed.map((p) => p.text));
  return { placed, unplaced: words.filter((w) => !got.has(w.text)).map((w) => w.text), scale: o.scale };
}

/**
 * The largest scale at which every word of the panel is placed: 1 if it
 * fits, else a first guess from the words' area (they fill about half of the
 * panel at best), then 8% smaller each try, ten tries at most; the smallest
 * tried if none fits.
 */
export function fittingScale(words: readonly CloudWord[], o: Omit<LayoutOptions, 'scale'>): number {
  if (layoutCloud(words, { ...o, scale: 1 }).unplaced.length === 0) return 1;
  const area = words.reduce((sum, w) => {
    const size = fontSize(w.value, { ...o, scale: 1 });
    return sum + size * 1.15 * (size * [...w.text].length + 4);
  }, 0);
  let scale = Math.min(0.92, Math.round(Math.sqrt((0.5 * o.width * o.height) / area) * 1000) / 1000);
  for (let i = 0; i < 10; i++, scale = Math.round(scale * 0.92 * 1000) / 1000) {
    if (layoutCloud(words, { ...o, scale }).unplaced.length === 0) return scale;
  }
  return scale;
}
