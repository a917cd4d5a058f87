import { backgroundIdfPath } from './background-idf.ts';
import { mainDictionaryPath } from './node-rs-segmenter.ts';
import { builtIndexPath, writeWordTableIndex } from './word-table.ts';

/**
 * The build's last step (`npm run build`, which `npm install` runs): the indexes of jieba's two
 * tables that every run reads (word-table.ts), written once beside the compiled code instead of
 * made again at each run. A table whose bytes are not the ones indexed (another @node-rs/jieba)
 * is indexed at run time as before.
 */
export function writeBuiltIndexes(): void {
  writeWordTableIndex(mainDictionaryPath(), 'first', builtIndexPath('jieba-dict'));
  writeWordTableIndex(backgroundIdfPath(), 'last', builtIndexPath('jieba-idf'));
}
