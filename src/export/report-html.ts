import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic-write.ts';
import type { JsonExports } from './d3-json.ts';
import { compareScopes } from '../score/scopes.ts';

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
 * JSON for a `<script type="application/json">` element: `<` is escaped so no
 * text in the data can close the element (`</script>`), and the line and
 * paragraph separators are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
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
  copyFileSync(join(dirname(require.resolve('d3')), 'd3.min.js'), join(dir, 'd3.min.js'));
  writeFileAtomic(join(dir, 'distribution-analysis.js'), readFileSync(join(NOTEBOOK, 'distribution-analysis.js')));
  const data = {
    distribution: exports['distribution.json'],
    wordclouds: exports['wordclouds.json'],
    trends: exports['trends.json'],
    topics: exports['topics.json'],
    evidence: exports['evidence.json'],
    clouds: [...clouds].sort(compareScopes).map((c) => ({ category: c.category, year: c.year, png: relative(dir, c.png).split(sep).join('/') })),
  };
  const template = readFileSync(join(NOTEBOOK, 'distribution-analysis.html'), 'utf8');
  const page = template.replace('__HOTWORDS_DATA__', () => jsonForScript(data));
  const path = join(dir, 'index.html');
  writeFileAtomic(path, page);
  return path;
}
