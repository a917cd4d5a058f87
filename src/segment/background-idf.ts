import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** jieba's IDF table (idf.txt, `word idf` lines, from a large general corpus), shipped with @node-rs/jieba. */
export function loadBackgroundIdf(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve('@node-rs/jieba/package.json')), 'idf.txt');
  const idf = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp > 0) idf.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return idf;
}
