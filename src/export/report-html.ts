import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTextAtomic } from './atomic-write.ts';
import { displayText } from './display-text.ts';
import type { TextSink } from './json-stream.ts';
import { streamJson } from './json-stream.ts';
import type { JsonExports } from './d3-json.ts';
import { compareScopes } from '../score/scopes.ts';

/** Where the notebook's page takes the data, its scripts and their hashes. */
const DATA_MARK = '__HOTWORDS_DATA__';
const D3_MARK = '__D3__';
const PAGE_MARK = '__PAGE_SCRIPT__';
const SCRIPT_HASHES_MARK = '__SCRIPT_HASHES__';

/** The notebook the report is made from. */
const NOTEBOOK = fileURLToPath(new URL('../../notebooks/', import.meta.url));

/** A cloud image the report shows, by scope. */
export interface ReportCloud {
  category: string | null;
  year: number | null;
  /** Path of the PNG. */
  png: string;
}

/**
 * JSON for a `<script type="application/json">` element, in pieces: `<` is escaped so no
 * text in the data can close the element (`</script>`), the line and
 * paragraph separators are escaped for old parsers, and the characters a page
 * must not show (controls, bidirectional overrides: display-text.ts) are left
 * out — they can only stand inside the data's strings.
 */
function streamJsonForScript(sink: TextSink, value: unknown): void {
  // each escape replaces one character, so escaping the pieces escapes the whole
  streamJson(
    (text) =>
      sink(
        displayText(text)
          .replace(/</g, '\\u003c')
          .replace(/\u2028/g, '\\u2028')
          .replace(/\u2029/g, '\\u2029'),
      ),
    value,
  );
}

/**
 * `report/index.html`: the distribution-analysis notebook in one file — D3
 * and the page's script inlined (allowed by their SHA-256 in the page's
 * Content-Security-Policy, nothing else may run), the JSON export embedded,
 * the cloud PNGs as data: URLs and each year's briefing text — so it opens
 * alone, moved or mailed, from disk.
 */
export function writeReport(
  dir: string,
  exports: JsonExports,
  clouds: readonly ReportCloud[],
  briefing: Readonly<Record<string, string>> = {},
): string {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  // d3's exports map only "umd" and "default": the UMD build sits beside the ESM entry
  const d3 = inlineScript(readFileSync(join(dirname(require.resolve('d3')), 'd3.min.js'), 'utf8'));
  const page = inlineScript(readFileSync(join(NOTEBOOK, 'distribution-analysis.js'), 'utf8'));
  const data = {
    distribution: exports['distribution.json'],
    wordclouds: exports['wordclouds.json'],
    trends: exports['trends.json'],
    topics: exports['topics.json'],
    evidence: exports['evidence.json'],
    briefing,
    clouds: [...clouds]
      .sort(compareScopes)
      .map((c) => ({ category: c.category, year: c.year, png: `data:image/png;base64,${readFileSync(c.png).toString('base64')}` })),
  };
  const templatePath = join(NOTEBOOK, 'distribution-analysis.html');
  const template = readFileSync(templatePath, 'utf8');
  const marks = [SCRIPT_HASHES_MARK, D3_MARK, PAGE_MARK, DATA_MARK];
  for (const m of marks) if (!template.includes(m)) throw new Error(`${templatePath}: no ${m} to fill`);
  const [head, afterData] = template.split(DATA_MARK) as [string, string];
  const fill = (text: string): string =>
    text
      .replace(SCRIPT_HASHES_MARK, () =>
        [d3, page].map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`).join(' '),
      )
      .replace(D3_MARK, () => d3)
      .replace(PAGE_MARK, () => page);
  const path = join(dir, 'index.html');
  // written in pieces: with the evidence of a large corpus the page is tens of megabytes
  writeTextAtomic(path, (sink) => {
    sink(fill(head));
    streamJsonForScript(sink, data);
    sink(fill(afterData));
  });
  return path;
}

/** A script as the text of a `<script>` element: nothing in it may end the element early. */
function inlineScript(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1');
}
