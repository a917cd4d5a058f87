import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import type { Segmenter, SegmenterOptions } from './segmenter.ts';
import type { WordTable } from './word-table.ts';
import { builtIndexPath, readWordTable } from './word-table.ts';
import { userDictText } from './segmenter.ts';

/** The main jieba dictionary (the same dict.txt as Python jieba), shipped with @node-rs/jieba. */
export function mainDictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
}

/** jieba-rs through @node-rs/jieba: an instance per call, no shared state. */
export function createNodeRsSegmenter(options: SegmenterOptions): Segmenter {
  const jieba = Jieba.withDict(readFileSync(mainDictionaryPath()));
  if (options.userWords.length > 0) jieba.loadDict(Buffer.from(userDictText(options.userWords)));
  const hmm = options.hmm ?? true;
  return {
    backend: 'node-rs',
    cut: (text) => jieba.cut(text, hmm),
    tag: (text) => jieba.tag(text, hmm),
    subWords: (text) => jieba.cutForSearch(text, hmm),
  };
}

/** The words of jieba's main dictionary (with their frequencies), to tell known words from new ones. */
export function mainDictionaryWords(): WordTable {
  return readWordTable(mainDictionaryPath(), 'first', builtIndexPath('jieba-dict'));
}
