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

/** d3-cloud's sprite bitmap: 2048 × 2048 pixels (its `cw << 5` by `ch`). */
const SPRITE_SIDE = 2048;
/** The canvas the sprites are drawn on: half that, each of its pixels a 2 × 2 block of the bitmap. */
const DRAWN_SIDE = SPRITE_SIDE / 2;

/**
 * d3-cloud's sprite canvas, made cheap. d3-cloud draws a batch of words at
 * the top of a 2048 × 2048 canvas and reads it back to cut their bitmaps out;
 * rasterising the CJK glyphs was most of a session's run time (about 25 ms a
 * layout of 50 words, 36 layouts for the sample's clouds), and one canvas per
 * layout took a run over 3 GB of native memory. This stands in for it:
 * - it says it is a canvas of pixel ratio 2 (d3-cloud's own support for high
 *   density screens), so d3-cloud draws at half size on a 1024 × 1024 canvas
 *   and expects the bitmap at full size: each drawn pixel with any ink
 *   becomes a 2 × 2 block, a quarter of the rasterising. The blocks cover the
 *   glyphs' full-size shapes (rounding only widens them, and d3-cloud rounds
 *   the half font size up), so words never overlap; the gap between them
 *   (the stroke d3-cloud draws for the padding) is kept at its full-size width;
 * - one real canvas for all layouts (resizes ignored), clearing and reading
 *   back only the rows drawn since the last clear (d3-cloud reads pixels only
 *   inside the boxes of the words it drew; the rows below stay zero).
 */
class SpriteCanvas {
  private readonly real = createCanvas(DRAWN_SIDE, DRAWN_SIDE);
  private readonly ctx = this.real.getContext('2d');
  private readonly pixels = new Uint8ClampedArray(SPRITE_SIDE * SPRITE_SIDE * 4);
  /** Drawn rows that may hold ink since the last clear, and rows of `pixels` (full size) not zero. */
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
      self.inked = self.turned ? DRAWN_SIDE : Math.min(DRAWN_SIDE, Math.max(self.inked, Math.ceil(self.y + reach)));
    };
    return {
      set fillStyle(v: string) {
        ctx.fillStyle = v;
      },
      set strokeStyle(v: string) {
        ctx.strokeStyle = v;
      },
      // d3-cloud gives the padding's stroke in full-size pixels: half as many drawn ones
      set lineWidth(v: number) {
        ctx.lineWidth = v / 2;
        self.lineWidth = v / 2;
      },
      set font(v: string) {
        ctx.font = v;
        self.fontPx = Number(/(\d+(?:\.\d+)?)px/.exec(v)?.[1] ?? DRAWN_SIDE);
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
        // d3-cloud's question for the pixel ratio: a 1 × 1 read that holds 2 × 2 pixels
        if (w === 1 && h === 1) return { data: new Uint8ClampedArray(16) };
        if (w !== DRAWN_SIDE || x !== 0 || y !== 0) throw new Error(`sprite canvas: unexpected read of ${w} × ${h} at ${x}, ${y}`);
        const rows = Math.min(h, self.inked);
        self.pixels.fill(0, 0, self.filled * SPRITE_SIDE * 4);
        if (rows > 0) blowUp(ctx.getImageData(0, 0, DRAWN_SIDE, rows).data, rows, self.pixels);
        self.filled = 2 * rows;
        return { data: self.pixels };
      },
    };
  }
}

/**
 * Each drawn pixel with any ink (alpha) as a 2 × 2 block of full-size pixels, in the red byte
 * d3-cloud reads (`rows` drawn rows of DRAWN_SIDE pixels into rows of SPRITE_SIDE).
 */
function blowUp(drawn: Uint8ClampedArray, rows: number, pixels: Uint8ClampedArray): void {
  const rowBytes = SPRITE_SIDE * 4;
  for (let r = 0; r < rows; r++) {
    const top = 2 * r * rowBytes;
    for (let c = 0; c < DRAWN_SIDE; c++) {
      if (drawn[(r * DRAWN_SIDE + c) * 4 + 3] === 0) continue;
      const at = top + 8 * c;
      pixels[at] = pixels[at + 4] = pixels[at + rowBytes] = pixels[at + rowBytes + 4] = 255;
    }
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

/** The area the words' boxes take at scale 1, in square pixels: what a panel asks of its space. */
export function wordsArea(words: readonly CloudWord[], o: Pick<LayoutOptions, 'maxSize' | 'minSize' | 'maxValue'>): number {
  return words.reduce((sum, w) => {
    const size = fontSize(w.value, { ...o, scale: 1 });
    return sum + size * 1.15 * (size * [...w.text].length + 4);
  }, 0);
}

/**
 * The layout at the largest scale at which every word of the panel is
 * placed: 1 if it fits (tried only when the words' area leaves room for it),
 * else a first guess from the words' area (they fill about half of the panel
 * at best), then 8% smaller each try, ten tries at
 * most; one step smaller again if none fits. With `below`, the tries start
 * one step below that scale (a panel that did not fit at the scale another
 * panel of its set found). The layout comes back with its scale, so a panel
 * drawn at that scale is not laid out again.
 */
export function fittingLayout(words: readonly CloudWord[], o: Omit<LayoutOptions, 'scale'>, below?: number): CloudLayout {
  const step = (s: number): number => Math.round(s * 0.92 * 1000) / 1000;
  let scale: number;
  if (below === undefined) {
    const guess = Math.sqrt((0.5 * o.width * o.height) / wordsArea(words, o));
    // below 0.92 the boxes at scale 1 would cover over 59% of the panel, and no layout ever
    // fitted more than half (fitted panels of the sample and the 9,382 messages: 31–50%): not tried
    if (guess >= 0.92) {
      const whole = layoutCloud(words, { ...o, scale: 1 });
      if (whole.unplaced.length === 0) return whole;
    }
    scale = Math.min(0.92, Math.round(guess * 1000) / 1000);
  } else scale = step(below);
  for (let i = 0; i < 10; i++, scale = step(scale)) {
    const layout = layoutCloud(words, { ...o, scale });
    if (layout.unplaced.length === 0) return layout;
  }
  return layoutCloud(words, { ...o, scale });
}
