import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WordTable } from './word-table.ts';
import { builtIndexPath, readWordTable } from './word-table.ts';

/** jieba's IDF table (idf.txt, `word idf` lines, from a large general corpus), shipped with @node-rs/jieba. */
export function loadBackgroundIdf(): WordTable {
  return readWordTable(backgroundIdfPath(), 'last', builtIndexPath('jieba-idf'));
}

export function backgroundIdfPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@node-rs/jieba/package.json')), 'idf.txt');
}
