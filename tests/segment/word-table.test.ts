import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainDictionaryPath } from '../../src/segment/node-rs-segmenter.ts';
import { readWordTable, wordTableOf, writeWordTableIndex } from '../../src/segment/word-table.ts';

/** The table as a Map would read the file: each line split at its first or last space, later lines winning. */
function asMap(path: string, numberAfter: 'first' | 'last'): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = numberAfter === 'first' ? line.indexOf(' ') : line.lastIndexOf(' ');
    if (sp > 0) map.set(line.slice(0, sp), Number(line.slice(sp + 1).split(' ')[0]));
  }
  return map;
}

describe('a word table over a file', () => {
  for (const [name, path, after] of [
    ['jieba idf.txt', join(mainDictionaryPath(), '..', 'idf.txt'), 'last'],
    ['jieba dict.txt', mainDictionaryPath(), 'first'],
  ] as const) {
    it(`${name}: every word's number, the size and the median as a Map of the file has them, indexed here or by the build`, () => {
      const map = asMap(path, after);
      const index = join(mkdtempSync(join(tmpdir(), 'hotwords-index-')), 'table.index');
      expect(writeWordTableIndex(path, after, index)).toBe(map.size);
      for (const table of [readWordTable(path, after), readWordTable(path, after, index)]) {
        expect(table.size).toBe(map.size);
        expect(table.size).toBeGreaterThan(250_000);
        for (const [word, value] of map) if (table.get(word) !== value) expect(table.get(word), word).toBe(value);
        expect(table.median).toBe(wordTableOf(map).median);
        for (const absent of ['加装电梯的建议', '', 'zzz', '𠀀', '老年助餐加装']) {
          expect(table.get(absent), absent).toBe(map.get(absent));
          expect(table.has(absent)).toBe(map.has(absent));
        }
      }
    }, 60_000);
  }

  it('keeps a word given twice at its last line, reads CRLF lines, skips lines without a number', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hotwords-table-')), 't.txt');
    writeFileSync(path, '加装电梯 3.5\r\n停车难 2\n加装电梯 7.25\n没有数字\n\n盲道 1e1');
    const table = readWordTable(path, 'last');
    expect([table.get('加装电梯'), table.get('停车难'), table.get('盲道'), table.get('没有数字')]).toEqual([7.25, 2, 10, undefined]);
    expect(table.size).toBe(3);
    expect(table.median).toBe(7.25);
  });

  it('reads an index only for the bytes it was made from, read the same way; else indexes the file itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-table-'));
    const [path, index] = [join(dir, 't.txt'), join(dir, 't.index')];
    writeFileSync(path, '加装电梯 3 n\n停车难 2 v\n');
    writeWordTableIndex(path, 'first', index);
    expect(readFileSync(index).subarray(0, 40).toString()).toContain('hotwords word table index');
    expect(readWordTable(path, 'first', index).get('停车难')).toBe(2);
    // another file at the same path (one byte changed): its own numbers, not the index's
    writeFileSync(path, '加装电梯 3 n\n停车难 5 v\n');
    expect(readWordTable(path, 'first', index).get('停车难')).toBe(5);
    // the same bytes read with the number after the last space: the index is not for that
    writeFileSync(path, '加装电梯 3 n\n停车难 2 v\n');
    expect(readWordTable(path, 'first', index).get('停车难')).toBe(2);
    const last = readWordTable(path, 'last', index);
    expect([last.get('停车难'), last.get('停车难 2')]).toEqual([undefined, NaN]);
    // a cut or missing index file: the file is indexed here
    writeFileSync(index, readFileSync(index).subarray(0, 100));
    expect(readWordTable(path, 'first', index).get('加装电梯')).toBe(3);
    expect(readWordTable(path, 'first', join(dir, 'none.index')).get('加装电梯')).toBe(3);
  });
});
