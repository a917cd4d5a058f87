import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusAnalysis } from '../score/analyse-corpus.ts';
import type { Scope } from '../score/scopes.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { safeFileName } from './safe-file-name.ts';
import type { CloudLayout, CloudWord } from './wordcloud-layout.ts';
import { fittingLayout, layoutCloud, wordsArea } from './wordcloud-layout.ts';
import type { PngReuse } from './png-reuse.ts';
import type { CloudPngRenderer } from './wordcloud-png.ts';
import { startCloudPngs } from './wordcloud-png.ts';
import { CLOUD_SIZE, cloudSvgCharacters, renderCloudSvg } from './wordcloud-svg.ts';
import { cloudKeywords } from '../score/hot-words.ts';
import { CLOUD_TITLE_WEIGHT, cloudWords } from '../score/cloud-words.ts';

/** Category colours (Tableau 10), assigned in category code-point order; "all" is slate. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const ALL_COLOR = '#34495e';

export interface CloudOptions {
  /** Words per cloud (default 50). */
  words?: number;
  /** Seed of every layout. */
  seed: string;
  /** Also write PNG beside each SVG (default true). */
  png?: boolean;
  /** Input file names, for the caption. */
  sources: readonly string[];
  /** Years, counted back from the latest, that get a cloud per category (default 2). */
  categoryYears?: number;
  /** Threads that render the PNGs. */
  threads: number;
  /** Stops the drawing between panels (throws its reason). */
  signal?: AbortSignal;
  /** Called after each panel's SVG is written (for a progress line). */
  onPanel?: (done: number, total: number) => void;
  /**
   * Other SVGs drawn in the clouds' font (the briefing's charts), rendered to PNG by the same
   * renderer — one cut of the font, one set of workers — while the clouds are laid out; their
   * PNGs come back in `extraPngs`, in order.
   */
  extra?: readonly { svg: string; name: string }[];
  /**
   * The PNG an earlier run made from the same SVG (png-reuse.ts), taken instead of rendering it
   * again; for the extra images `name` is where their SVG goes.
   */
  reusePng?: PngReuse | null;
}

/** One written panel, for the run summary and tests. */
export interface CloudFile {
  set: string;
  scope: Scope;
  svg: string;
  png: string | null;
  placed: number;
  unplaced: string[];
  scale: number;
}

/**
 * Word clouds for briefings: one SVG (and PNG) per scope, in sets whose
 * panels share one font scale so sizes compare honestly — the categories of
 * each of the latest `categoryYears` years, the categories over all years,
 * the years over all categories, and the whole corpus. A set shrinks together until every panel's top words
 * fit; a word that still does not fit is named on the panel and returned.
 * Files: `clouds/<year|all>/<category|all>.svg`.
 */
export async function writeWordClouds(
  dir: string,
  a: Pick<CorpusAnalysis, 'keywords' | 'themes' | 'scopes'>,
  options: CloudOptions,
): Promise<{ files: CloudFile[]; extraPngs: Buffer[]; pngsReused: number }> {
  const extra = options.png === false ? [] : (options.extra ?? []);
  const top = options.words ?? 50;
  const seed = options.seed;
  const categories = [...new Set(a.scopes.map((s) => s.category).filter((c): c is string => c !== null))].sort();
  const colorOf = (c: string | null): string => (c === null ? ALL_COLOR : PALETTE[categories.indexOf(c) % PALETTE.length]!);
  const years = [...new Set(a.scopes.map((s) => s.year).filter((y): y is number => y !== null))].sort((x, y) => x - y);
  const sets: { name: string; scopes: Scope[] }[] = [
    ...years
      .slice(-(options.categoryYears ?? 2))
      .map((y) => ({ name: `${y} by category`, scopes: categories.map((c) => ({ category: c, year: y })) })),
    { name: 'all years by category', scopes: categories.map((c) => ({ category: c, year: null })) },
    { name: 'all categories by year', scopes: years.map((y) => ({ category: null, year: y })) },
    { name: 'all', scopes: [{ category: null, year: null }] },
  ];
  const seedOf = (s: Scope): string => `${seed}|${s.category ?? '*'}|${s.year ?? '*'}`;
  const source = `来源：${options.sources.join('、')} · hotwords`;
  const planned = sets
    .map((set) => {
      const panels = set.scopes
        .map((scope) => ({
          scope,
          documents: a.scopes.find((s) => s.category === scope.category && s.year === scope.year)?.documents ?? 0,
          words: cloudWords(cloudKeywords(a.keywords, scope, top), a.themes, scope, top).map((w): CloudWord => ({
            text: w.text,
            value: w.value,
          })),
        }))
        .filter((p) => p.documents > 0 && p.words.length > 0);
      return { name: set.name, panels: panels.map((p) => ({ ...p, ...panelTexts(p, panels.length) })) };
    })
    .filter((set) => set.panels.length > 0);
  // the PNGs' font is cut down while the layouts run, and each set's images render (on other
  // threads) while the next set is laid out; started with the first image an earlier run did not make
  const png = options.png ?? true;
  let renderer: CloudPngRenderer | null = null;
  const characters = (): string[] => [
    ...cloudSvgCharacters(
      planned.flatMap((set) => set.panels.flatMap((p) => [p.title, p.caption, ...p.words.map((w) => w.text)])).concat(source),
    ),
    ...extra.flatMap((e) => [...e.svg]),
  ];
  // each image's PNG: taken from an earlier run, or the renderer's n-th
  const pngOf: (Buffer | number)[] = [];
  let rendered = 0;
  const makePng = (svg: string, svgPath: string): void => {
    const earlier = options.reusePng?.(svgPath, svg) ?? null;
    if (earlier !== null) {
      pngOf.push(earlier);
      return;
    }
    renderer ??= startCloudPngs(characters(), { threads: options.threads });
    renderer.add(svg, svgPath);
    pngOf.push(rendered++);
  };
  // the extra images first: they render while the first set is laid out
  if (png) for (const e of extra) makePng(e.svg, e.name);
  // the layouts are synchronous: between panels the renderer gets its workers' messages
  const letRendererIn = async (): Promise<void> => {
    if (renderer) await new Promise((r) => setImmediate(r));
  };
  const files: CloudFile[] = [];
  const panelCount = planned.reduce((n, set) => n + set.panels.length, 0);
  try {
    for (const set of planned) {
      const panels = set.panels;
      const maxValue = Math.max(...panels.flatMap((p) => p.words.map((w) => w.value)));
      const base = {
        width: CLOUD_SIZE.width - 20,
        height: CLOUD_SIZE.height - CLOUD_SIZE.top - CLOUD_SIZE.bottom,
        maxSize: 72,
        minSize: 13,
        maxValue,
      };
      // one scale for the set: the panel that asks most of its space finds it (its own fitting
      // layout), the others start there and go smaller only if they do not fit; a layout made at
      // the set's final scale is kept, the others are made again at it
      const fitted: CloudLayout[] = [];
      let found: number | null = null;
      for (const i of panels.map((p, i) => ({ i, area: wordsArea(p.words, base) })).sort((x, y) => y.area - x.area || x.i - y.i)) {
        const p = panels[i.i]!;
        const o = { ...base, seed: seedOf(p.scope) };
        let layout: CloudLayout = found === null ? fittingLayout(p.words, o) : layoutCloud(p.words, { ...o, scale: found });
        if (found !== null && layout.unplaced.length > 0) layout = fittingLayout(p.words, o, found);
        fitted[i.i] = layout;
        found = layout.scale;
        await letRendererIn();
        options.signal?.throwIfAborted();
      }
      const scale = found!;
      for (const [i, p] of panels.entries()) {
        const layout = fitted[i]!.scale === scale ? fitted[i]! : layoutCloud(p.words, { ...base, seed: seedOf(p.scope), scale });
        const svg = renderCloudSvg({ title: p.title, caption: p.caption, source, color: colorOf(p.scope.category), layout });
        const svgPath = cloudPath(dir, p.scope, 'svg');
        mkdirSync(dirname(svgPath), { recursive: true });
        writeFileAtomic(svgPath, svg);
        if (png) makePng(svg, svgPath);
        options.onPanel?.(files.length + 1, panelCount);
        await letRendererIn();
        files.push({
          set: set.name,
          scope: p.scope,
          svg: svgPath,
          png: png ? cloudPath(dir, p.scope, 'png') : null,
          placed: layout.placed.length,
          unplaced: layout.unplaced,
          scale,
        });
      }
    }
  } catch (e) {
    await (renderer as CloudPngRenderer | null)?.abort();
    throw e;
  }
  if (!png) return { files, extraPngs: [], pngsReused: 0 };
  const started = renderer as CloudPngRenderer | null;
  const pngs = started === null ? [] : await started.finish();
  const bytes = pngOf.map((p) => (typeof p === 'number' ? pngs[p]! : p));
  files.forEach((f, i) => writeFileAtomic(f.png!, bytes[extra.length + i]!));
  return { files, extraPngs: bytes.slice(0, extra.length), pngsReused: pngOf.length - rendered };
}

/** A panel's title and caption: its scope, size and set. */
function panelTexts(
  p: { scope: Scope; documents: number; words: readonly CloudWord[] },
  panelsInSet: number,
): { title: string; caption: string } {
  const yearLabel = p.scope.year === null ? '各年度' : `${p.scope.year}年`;
  const categoryLabel = p.scope.category ?? '全部类别';
  return {
    title: `${yearLabel} · ${categoryLabel} · 建议热议词`,
    caption:
      `范围：${yearLabel} ${categoryLabel} · 建议 ${p.documents} 件 · 前 ${p.words.length} 个主题与热议词 · ` +
      `字号＝提及该词的建议数，以之为题者计 ${1 + CLOUD_TITLE_WEIGHT} 件（本组 ${panelsInSet} 幅同一比例）`,
  };
}

/** Where the cloud of a scope is written: `<dir>/<year|all>/<category|all>.<ext>`. */
export function cloudPath(dir: string, scope: Scope, ext: 'svg' | 'png'): string {
  return join(
    dir,
    scope.year === null ? 'all' : String(scope.year),
    `${scope.category === null ? 'all' : safeFileName(scope.category)}.${ext}`,
  );
}
