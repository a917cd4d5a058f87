import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';

/** Clouds a render worker takes before it ends and frees their pixels (about 10 MB each). */
const PER_WORKER = 6;

/**
 * PNGs of cloud SVGs, in order: resvg with the bundled font only (no system
 * fonts: same pixels everywhere), cut down once (to a temporary file) to the
 * characters the clouds use. resvg parses its fonts for every image, and the
 * full 10 MB CJK font made that 0.35 s a PNG; the subset (same glyphs, same
 * metrics) is a few hundred kB. The images are rendered on `threads` worker
 * threads at a time, a few per worker (wordcloud-png-worker.js says why);
 * each image is a pure function of its SVG and the font, so the bytes do not
 * depend on the threads.
 */
export async function renderCloudPngs(svgs: readonly string[], options: { width?: number; threads?: number; names?: readonly string[] } = {}): Promise<Buffer[]> {
  if (svgs.length === 0) return [];
  const characters = [...new Set(svgs.join(''))].sort().join('');
  const folder = mkdtempSync(join(tmpdir(), 'hotwords-font-'));
  try {
    const fontFile = join(folder, 'cloud-font.ttf');
    writeFileSync(fontFile, await subsetOnWorker(cloudFontPath(), characters));
    const resvgOptions = {
      fitTo: { mode: 'width', value: options.width ?? 1800 },
      font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CLOUD_FONT_FAMILY, sansSerifFamily: CLOUD_FONT_FAMILY },
    };
    const pngs: Buffer[] = [];
    let next = 0;
    const renderRest = async (): Promise<void> => {
      while (next < svgs.length) {
        const from = next;
        next = Math.min(svgs.length, next + PER_WORKER);
        await renderOnWorker(svgs.slice(from, next), resvgOptions, (i, png) => (pngs[from + i] = png), (i) => options.names?.[from + i] ?? `cloud ${from + i + 1} of ${svgs.length}`);
      }
    };
    const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(svgs.length / PER_WORKER)));
    await Promise.all(Array.from({ length: threads }, renderRest));
    return pngs;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function renderOnWorker(svgs: readonly string[], options: object, received: (i: number, png: Buffer) => void, nameOf: (i: number) => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./wordcloud-png-worker.js', import.meta.url), { workerData: { svgs, options } });
    let count = 0;
    let failed: Error | null = null;
    worker.on('message', (m: { i: number; png: Uint8Array } | { i: number; error: string }) => {
      if ('error' in m) {
        failed = new Error(`${nameOf(m.i)}: resvg cannot render it: ${m.error}`);
        return;
      }
      received(m.i, Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      count++;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (failed) reject(failed);
      else if (code === 0 && count === svgs.length) resolve();
      else reject(new Error(`cloud PNG worker stopped after ${count} of ${svgs.length} images (exit code ${code})`));
    });
  });
}

/** The font at `fontPath` cut down to `characters` (font-subset-worker.js says why on a worker). */
function subsetOnWorker(fontPath: string, characters: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./font-subset-worker.js', import.meta.url), { workerData: { fontPath, characters } });
    let font: Uint8Array | null = null;
    worker.on('message', (m: Uint8Array) => (font = m));
    worker.on('error', (e) => reject(new Error(`${fontPath}: cannot cut the cloud font down to the clouds' characters: ${e.message}`)));
    worker.on('exit', (code) => {
      if (font) resolve(font);
      else reject(new Error(`${fontPath}: the font worker stopped without a font (exit code ${code})`));
    });
  });
}
