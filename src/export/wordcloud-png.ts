import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CLOUD_FONT_FAMILY, cloudFontPath } from './cloud-font.ts';

export interface PngOptions {
  /** Width of the images in pixels (default 1800). */
  width?: number;
  /** Worker threads rendering at a time. */
  threads: number;
}

/**
 * PNGs of cloud SVGs, in order: resvg with the bundled font only (no system
 * fonts: same pixels everywhere), cut down once (to a temporary file) to the
 * characters the clouds use. resvg parses its fonts for every image, and the
 * full 10 MB CJK font made that 0.35 s a PNG; the subset (same glyphs, same
 * metrics) is a few hundred kB. The images are rendered on `threads` worker
 * threads, one image at a time each (wordcloud-png-worker.js says how their
 * memory stays flat); each image is a pure function of its SVG and the font's glyphs, so the
 * bytes depend neither on the threads nor on which other characters the
 * subset holds.
 */
export async function renderCloudPngs(svgs: readonly string[], options: PngOptions & { names?: readonly string[] }): Promise<Buffer[]> {
  if (svgs.length === 0) return [];
  const renderer = startCloudPngs(new Set(svgs.join('')), options);
  svgs.forEach((svg, i) => renderer.add(svg, options.names?.[i] ?? `cloud ${i + 1} of ${svgs.length}`));
  return renderer.finish();
}

/** A rendering in progress: images are added while earlier ones render. */
export interface CloudPngRenderer {
  /** Queue an SVG; `name` names it in an error. Every character must be one the renderer was started with. */
  add(svg: string, name: string): void;
  /** The PNGs of every added SVG, in the order added, once all are rendered; the temporary font is then gone. */
  finish(): Promise<Buffer[]>;
  /** Stop: no more images start; resolves when running workers have ended and the font is gone. */
  abort(): Promise<void>;
}

/**
 * Start rendering before the SVGs are all known (the clouds' layouts make
 * them one set at a time): the font is cut down to `characters` at once, on
 * a worker, and each SVG starts rendering as soon as a thread is free. The
 * workers' news (the font, an image, a free thread) comes through this
 * thread's event loop: a caller busy between additions should let it in.
 * `characters` may hold more than the SVGs use (see renderCloudPngs).
 */
export function startCloudPngs(characters: Iterable<string>, options: PngOptions): CloudPngRenderer {
  const chars = new Set(characters);
  const threads = Math.max(1, options.threads);
  const folder = mkdtempSync(join(tmpdir(), 'hotwords-font-'));
  const fontFile = join(folder, 'cloud-font.ttf');
  const queued: { svg: string; name: string }[] = [];
  const pngs: Buffer[] = [];
  let next = 0;
  let rendered = 0;
  let failure: Error | null = null;
  let stopped = false;
  let resvgOptions: object | null = null;
  // the workers, each rendering one image at a time until it is told to end; started as images come
  const workers: { worker: Worker; busy: boolean; ended: Promise<void> }[] = [];
  // whoever waits for an image, a worker's end or a failure
  let waiting: (() => void)[] = [];
  const wake = (): void => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  const changed = (): Promise<void> => new Promise((r) => waiting.push(r));
  const fail = (e: Error): void => {
    failure ??= e;
    wake();
  };
  const startWorker = (): (typeof workers)[number] => {
    const worker = new Worker(new URL('./wordcloud-png-worker.js', import.meta.url));
    const entry = { worker, busy: false, ended: Promise.resolve() };
    entry.ended = new Promise((resolve) => {
      worker.on('message', (m: { i: number; png: Uint8Array } | { i: number; error: string }) => {
        entry.busy = false;
        if ('error' in m) fail(new Error(`${queued[m.i]!.name}: resvg cannot render it: ${m.error}`));
        else {
          pngs[m.i] = Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength);
          rendered++;
        }
        pump();
        wake();
      });
      worker.on('error', (e) => fail(e));
      worker.on('exit', (code) => {
        if (entry.busy || (code !== 0 && !stopped))
          fail(new Error(`cloud PNG worker stopped after ${rendered} of ${queued.length} images (exit code ${code})`));
        resolve();
        wake();
      });
    });
    workers.push(entry);
    return entry;
  };
  const pump = (): void => {
    while (resvgOptions && !failure && !stopped && next < queued.length) {
      const free = workers.find((w) => !w.busy) ?? (workers.length < threads ? startWorker() : null);
      if (free === null) return;
      free.busy = true;
      free.worker.postMessage({ i: next, svg: queued[next]!.svg, options: resvgOptions });
      next++;
    }
  };
  // the first thread starts (loads resvg) while the font is cut
  startWorker();
  const fontReady = subsetOnWorker(cloudFontPath(), [...chars].sort().join('')).then(
    (font) => {
      writeFileSync(fontFile, font);
      resvgOptions = {
        fitTo: { mode: 'width', value: options.width ?? 1800 },
        font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CLOUD_FONT_FAMILY, sansSerifFamily: CLOUD_FONT_FAMILY },
      };
      pump();
    },
    (e: Error) => fail(e),
  );
  const settled = async (): Promise<void> => {
    await fontReady;
    stopped = true;
    for (const w of workers) w.worker.postMessage(null);
    await Promise.all(workers.map((w) => w.ended));
    rmSync(folder, { recursive: true, force: true });
  };
  return {
    add(svg, name) {
      for (const ch of svg)
        if (!chars.has(ch))
          throw new Error(
            `${name}: the cloud font was cut down without "${ch}" ` +
              `(U+${ch.codePointAt(0)!.toString(16).toUpperCase()}), which this SVG uses`,
          );
      queued.push({ svg, name });
      pump();
    },
    async finish() {
      await fontReady;
      while (!failure && rendered < queued.length) await changed();
      await settled();
      if (failure) throw failure;
      return pngs;
    },
    async abort() {
      await settled();
    },
  };
}

/** The font at `fontPath` cut down to `characters` (font-subset-worker.js says why on a worker). */
function subsetOnWorker(fontPath: string, characters: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./font-subset-worker.js', import.meta.url), { workerData: { fontPath, characters } });
    let font: Uint8Array | null = null;
    worker.on('message', (m: Uint8Array) => (font = m));
    worker.on('error', (e) => reject(new Error(`${fontPath}: cannot cut the cloud font down to the clouds' characters: ${e.message}`)));
    // images start rendering once this thread and its memory are gone (it ends itself at once):
    // the font is taken at the thread's end, not at its message
    worker.on('exit', (code) => {
      if (font) resolve(font);
      else reject(new Error(`${fontPath}: the font worker stopped without a font (exit code ${code})`));
    });
  });
}
