import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic, writeTextAtomic } from './atomic-write.ts';
import { displayText } from './display-text.ts';
import type { TextSink } from './json-stream.ts';
import { streamJson } from './json-stream.ts';
import type { JsonExports } from './d3-json.ts';
import { compareScopes } from '../score/scopes.ts';

/** Where the notebook's page takes the data. */
const DATA_MARK = '__HOTWORDS_DATA__';

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
 * `report/index.html`: the distribution-analysis notebook with the JSON
 * export embedded, D3 copied beside it (no CDN), so it opens from disk.
 * Cloud images are linked relative to the page.
 */
export function writeReport(dir: string, exports: JsonExports, clouds: readonly ReportCloud[]): string {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  // d3's exports map only "umd" and "default": the UMD build sits beside the ESM entry
  // written beside the page and renamed into place: a link planted at the destination is replaced, never followed
  writeFileAtomic(join(dir, 'd3.min.js'), readFileSync(join(dirname(require.resolve('d3')), 'd3.min.js')));
  writeFileAtomic(join(dir, 'distribution-analysis.js'), readFileSync(join(NOTEBOOK, 'distribution-analysis.js')));
  const data = {
    distribution: exports['distribution.json'],
    wordclouds: exports['wordclouds.json'],
    trends: exports['trends.json'],
    topics: exports['topics.json'],
    evidence: exports['evidence.json'],
    clouds: [...clouds]
      .sort(compareScopes)
      .map((c) => ({ category: c.category, year: c.year, png: relative(dir, c.png).split(sep).join('/') })),
  };
  const template = readFileSync(join(NOTEBOOK, 'distribution-analysis.html'), 'utf8');
  const at = template.indexOf(DATA_MARK);
  if (at < 0) throw new Error(`${join(NOTEBOOK, 'distribution-analysis.html')}: no ${DATA_MARK} to put the data in`);
  const path = join(dir, 'index.html');
  // written in pieces: with the evidence of a large corpus the page is tens of megabytes
  writeTextAtomic(path, (sink) => {
    sink(template.slice(0, at));
    streamJsonForScript(sink, data);
    sink(template.slice(at + DATA_MARK.length));
  });
  return path;
}
