import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import type { BriefingInput } from './briefing-text.ts';
import { briefingMarkdown } from './briefing-text.ts';
import type { BriefingTable } from './briefing-tables.ts';
import { briefingTables } from './briefing-tables.ts';
import type { SuggestionRecord } from '../corpus/record.ts';
import type { CorpusAnalysis } from '../score/analyse-corpus.ts';
import { briefingCharts } from './briefing-charts.ts';
import { safeFileName } from './safe-file-name.ts';
import { renderCloudPngs } from './wordcloud-png.ts';

/**
 * What a briefing is written from: the suggestions' fields it names and the analysis, as the
 * year's text (briefing-text.ts) and the tables (briefing-tables.ts) take them.
 */
export function briefingOf(
  records: readonly Pick<SuggestionRecord, 'id' | 'title' | 'year' | 'category' | 'session'>[],
  a: Pick<CorpusAnalysis, 'distribution' | 'themes' | 'keywords' | 'emerging' | 'topics'>,
): { input: BriefingInput; tables: BriefingTable[] } {
  return {
    input: { records, distribution: a.distribution, themes: a.themes, keywords: a.keywords },
    tables: briefingTables(records, a),
  };
}

/**
 * `briefing/`: what an analyst hands on without writing code — `<year>.md`
 * (the §一 paragraphs of each year), `tables.xlsx` (one sheet a table,
 * numbers as numbers), the same tables as UTF-8 CSV with a byte-order
 * mark (Excel reads it as UTF-8), and with `charts`, the report's bar charts
 * of each year as SVG and PNG (briefing-charts.ts). Returns the paths written.
 */
export async function writeBriefing(
  dir: string,
  input: BriefingInput,
  tables: readonly BriefingTable[],
  charts: ChartOptions | null = null,
): Promise<string[]> {
  const years = briefingYears(input);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const year of years) {
    const path = join(dir, `${year}.md`);
    writeFileAtomic(path, briefingMarkdown(year, input));
    written.push(path);
  }
  for (const t of tables) {
    const path = join(dir, `${t.name}.csv`);
    writeFileAtomic(path, csvText(t));
    written.push(path);
  }
  const workbook = join(dir, 'tables.xlsx');
  writeFileAtomic(workbook, await xlsxBytes(tables));
  written.push(workbook);
  if (charts !== null) written.push(...(await writeCharts(join(dir, 'charts'), input, charts)));
  return written;
}

/** The years a briefing covers, in order. */
function briefingYears(input: BriefingInput): number[] {
  return [...new Set(input.records.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
}

/**
 * How the charts are drawn: PNGs beside the SVGs or not, on how many threads, and the sources
 * their captions name; `pngs`: the charts' PNGs rendered already (a run renders them with the
 * clouds), in the order of `briefingChartSvgs`.
 */
export interface ChartOptions {
  png: boolean;
  threads: number;
  sources: readonly string[];
  pngs?: readonly Buffer[];
}

/** The charts of every year of a briefing, in the order they are written: each one's SVG and its path under `charts/`. */
export function briefingChartSvgs(input: BriefingInput, sources: readonly string[]): { svg: string; name: string }[] {
  const source = `来源：${sources.join('、')} · hotwords`;
  return briefingYears(input)
    .flatMap((y) => briefingCharts(y, input.distribution, input.themes, source))
    .map((c) => ({ svg: c.svg, name: join(String(c.year), `${safeFileName(c.name)}.svg`) }));
}

/** `charts/<year>/<name>.svg` (and `.png`, rendered as the clouds are) for every year. */
async function writeCharts(dir: string, input: BriefingInput, options: ChartOptions): Promise<string[]> {
  const charts = briefingChartSvgs(input, options.sources);
  const written: string[] = [];
  for (const c of charts) {
    const path = join(dir, c.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, c.svg);
    written.push(path);
  }
  if (options.png) {
    const pngs =
      options.pngs ??
      (await renderCloudPngs(
        charts.map((c) => c.svg),
        { threads: options.threads, names: written },
      ));
    pngs.forEach((png, i) => {
      const path = written[i]!.replace(/\.svg$/, '.png');
      writeFileAtomic(path, png);
      written.push(path);
    });
  }
  return written;
}

/**
 * A table as CSV for Excel: BOM, CRLF, RFC 4180 quoting. A text cell that
 * begins with = + - @, a tab or a CR gets a leading apostrophe, so no
 * spreadsheet evaluates what a suggestion's text put there; numbers are
 * written as numbers.
 */
export function csvText(t: BriefingTable): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[t.header, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The tables as one workbook, a sheet each, written by SheetJS with no dates in it (the same bytes for the same tables). */
async function xlsxBytes(tables: readonly BriefingTable[]): Promise<Uint8Array> {
  const xlsx = await import('@e965/xlsx');
  const book = xlsx.utils.book_new();
  for (const t of tables) {
    const sheet = xlsx.utils.aoa_to_sheet([t.header, ...t.rows.map((r) => r.map((v) => (v === null ? '' : v)))]);
    sheet['!cols'] = t.header.map((h, c) => ({
      wch: Math.min(60, Math.max(8, h.length * 2, ...t.rows.slice(0, 200).map((r) => width(r[c])))),
    }));
    xlsx.utils.book_append_sheet(book, sheet, t.name);
  }
  return xlsx.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/** Columns a value takes, a CJK character counting two. */
function width(v: string | number | null | undefined): number {
  if (v === null || v === undefined) return 0;
  let w = 0;
  for (const ch of String(v)) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
