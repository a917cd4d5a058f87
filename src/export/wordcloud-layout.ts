import { createRequire } from 'node:module';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';
import { seededRandom } from '../matrix/seeded-random.ts';

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

/** d3-cloud's sprite canvas: 2048 × 2048 pixels (its `cw << 5` by `ch`). */
const SPRITE_SIDE = 2048;

/**
 * d3-cloud's sprite canvas, made cheap. d3-cloud sizes a canvas to 2048 ×
 * 2048 for every layout, draws a batch of words at the top, and reads the
 * whole 16 MB back to cut their bitmaps out; that was most of a run's cloud
 * time, and one canvas per layout took a run over 3 GB of native memory.
 * This stands in for it: one real canvas for all layouts (resizes ignored),
 * and clearing and reading back only the rows drawn since the last clear
 * (d3-cloud reads pixels only inside the boxes of the words it drew; the
 * rows below stay zero). The bitmaps, and so the layouts, are the same.
 */
class SpriteCanvas {
  private readonly real = createCanvas(SPRITE_SIDE, SPRITE_SIDE);
  private readonly ctx = this.real.getContext('2d');
  private readonly pixels = new Uint8ClampedArray(SPRITE_SIDE * SPRITE_SIDE * 4);
  /** Rows that may hold ink since the last clear, and rows of `pixels` not zero. */
  private inked = 0;
  private filled = 0;
  private fontPx = 0;
  private lineWidth = 1;
  private y = 0;
  private turned = false;

  width = SPRITE_SIDE;
  height = SPRITE_SIDE;

  getContext(): object {
    const { ctx } = this;
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const ink = (): void => {
      // a word's box reaches its font size below the baseline point d3-cloud translates to; a
      // stroke's miter joins can reach miterLimit × half the line width beyond the glyph
      const reach = self.fontPx + (ctx.miterLimit * self.lineWidth) / 2 + 2;
      self.inked = self.turned ? SPRITE_SIDE : Math.min(SPRITE_SIDE, Math.max(self.inked, Math.ceil(self.y + reach)));
    };
    return {
      set fillStyle(v: string) {
        ctx.fillStyle = v;
      },
      set strokeStyle(v: string) {
        ctx.strokeStyle = v;
      },
      set lineWidth(v: number) {
        ctx.lineWidth = v;
        self.lineWidth = v;
      },
      set font(v: string) {
        ctx.font = v;
        self.fontPx = Number(/(\d+(?:\.\d+)?)px/.exec(v)?.[1] ?? SPRITE_SIDE);
      },
      save: () => ctx.save(),
      restore: () => {
        ctx.restore();
        self.y = 0;
        self.lineWidth = ctx.lineWidth;
        self.turned = false;
      },
      measureText: (text: string) => ctx.measureText(text),
      translate: (x: number, y: number) => {
        ctx.translate(x, y);
        self.y += y;
      },
      rotate: (angle: number) => {
        ctx.rotate(angle);
        if (angle !== 0) self.turned = true;
      },
      fillText: (text: string, x: number, y: number) => {
        ctx.fillText(text, x, y);
        ink();
      },
      strokeText: (text: string, x: number, y: number) => {
        ctx.strokeText(text, x, y);
        ink();
      },
      clearRect: () => {
        if (self.inked > 0) ctx.clearRect(0, 0, SPRITE_SIDE, self.inked);
        self.inked = 0;
      },
      getImageData: (x: number, y: number, w: number, h: number) => {
        if (w !== SPRITE_SIDE || x !== 0 || y !== 0) return ctx.getImageData(x, y, w, h);
        const rows = Math.min(h, self.inked);
        self.pixels.fill(0, 0, self.filled * SPRITE_SIDE * 4);
        if (rows > 0) self.pixels.set(ctx.getImageData(0, 0, SPRITE_SIDE, rows).data);
        self.filled = rows;
        return { data: self.pixels };
      },
    };
  }
}

/** One sprite canvas for every layout: a cache, not state (any canvas gives the same layout). */
let spriteCanvas: SpriteCanvas | undefined;
function sprites(): SpriteCanvas {
  spriteCanvas ??= new SpriteCanvas();
  return spriteCanvas;
}

/**
 * Lay out a word cloud with d3-cloud, measuring glyphs with @napi-rs/canvas
 * and the bundled Noto Sans SC. Horizontal words, seeded: the same words and
 * seed give the same layout. Runs synchronously (d3-cloud places every word in
 * its first step when the time interval is unbounded). `canvas` is d3-cloud's
 * sprite canvas; any canvas gives the same layout (tested with a plain one).
 */
export function layoutCloud(words: readonly CloudWord[], o: LayoutOptions, canvas: () => unknown = sprites): CloudLayout {
  ensureFont();
  const require = createRequire(import.meta.url);
  const cloud = require('d3-cloud') as () => D3Cloud;
  let placed: PlacedWord[] = [];
  cloud()
    .size([o.width, o.height])
    .canvas(canvas)
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
 * The layout at the largest scale at which every word of the panel is
 * placed: 1 if it fits, else a first guess from the words' area (they fill
 * about half of the panel at best), then 8% smaller each try, ten tries at
 * most; one step smaller again if none fits. The layout comes back with its scale,
 * so a panel drawn at that scale is not laid out again.
 */
export function fittingLayout(words: readonly CloudWord[], o: Omit<LayoutOptions, 'scale'>): CloudLayout {
  const whole = layoutCloud(words, { ...o, scale: 1 });
  if (whole.unplaced.length === 0) return whole;
  const area = words.reduce((sum, w) => {
    const size = fontSize(w.value, { ...o, scale: 1 });
    return sum + size * 1.15 * (size * [...w.text].length + 4);
  }, 0);
  let scale = Math.min(0.92, Math.round(Math.sqrt((0.5 * o.width * o.height) / area) * 1000) / 1000);
  for (let i = 0; i < 10; i++, scale = Math.round(scale * 0.92 * 1000) / 1000) {
    const layout = layoutCloud(words, { ...o, scale });
    if (layout.unplaced.length === 0) return layout;
  }
  return layoutCloud(words, { ...o, scale });
}
