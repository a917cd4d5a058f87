import { readFileSync } from 'node:fs';

/** A word → number table as background statistics are asked: a word's number, how many, their median. */
export interface WordTable {
  get(word: string): number | undefined;
  has(word: string): boolean;
  readonly size: number;
  /** The median of every number in the table (0 when empty). */
  readonly median: number;
}

/** The table with nothing in it. */
export const EMPTY_WORD_TABLE: WordTable = { get: () => undefined, has: () => false, size: 0, median: 0 };

/** A table of the given entries (tests, and tables built in memory). */
export function wordTableOf(entries: Iterable<readonly [string, number]>): WordTable {
  const map = new Map(entries);
  const values = Float64Array.from(map.values()).sort();
  return {
    get: (w) => map.get(w),
    has: (w) => map.has(w),
    size: map.size,
    median: values.length > 0 ? values[Math.floor(values.length / 2)]! : 0,
  };
}

/**
 * A table over a file of `word<SP>number…` lines (jieba's idf.txt, dict.txt), read as bytes and never
 * made into a Map: the words stay in the file's buffer and an open-addressing index of their hashes
 * finds them. A Map of jieba's 270,000 IDF words took 0.25 s and 78 MB to build, its 350,000
 * dictionary words 0.13 s and 68 MB, at every run; this takes a tenth of that (most runs ask for a
 * few thousand words). `numberAfter`: the number is after the line's last space (idf.txt: `word idf`)
 * or its first (dict.txt: `word freq tag`). A word given twice keeps its last line's number, as a Map
 * would. Lookups are memoised per table.
 */
export function readWordTable(path: string, numberAfter: 'first' | 'last'): WordTable {
  const bytes = readFileSync(path);
  const starts: number[] = [];
  const ends: number[] = [];
  const values: number[] = [];
  for (let at = 0; at < bytes.length;) {
    let nl = bytes.indexOf(0x0a, at);
    if (nl < 0) nl = bytes.length;
    const lineEnd = nl > at && bytes[nl - 1] === 0x0d ? nl - 1 : nl;
    const firstSpace = bytes.indexOf(0x20, at);
    const sp = numberAfter === 'first' ? (firstSpace >= 0 && firstSpace < lineEnd ? firstSpace : -1) : bytes.lastIndexOf(0x20, lineEnd - 1);
    if (sp > at) {
      const numberEnd = numberAfter === 'first' ? nextSpaceOrEnd(bytes, sp + 1, lineEnd) : lineEnd;
      starts.push(at);
      ends.push(sp);
      values.push(Number(bytes.toString('latin1', sp + 1, numberEnd)));
    }
    at = nl + 1;
  }
  const n = starts.length;
  const slots = new Int32Array(nextPowerOfTwo(Math.max(2, 2 * n)));
  const mask = slots.length - 1;
  const same = (i: number, word: Uint8Array, length: number): boolean => {
    if (ends[i]! - starts[i]! !== length) return false;
    for (let k = 0, s = starts[i]!; k < length; k++, s++) if (bytes[s] !== word[k]) return false;
    return true;
  };
  let size = 0;
  for (let i = 0; i < n; i++) {
    let slot = hashBytes(bytes, starts[i]!, ends[i]!) & mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === 0) {
        slots[slot] = i + 1;
        size++;
        break;
      }
      // the same word again: its later line wins
      if (same(held - 1, bytes.subarray(starts[i]!, ends[i]!), ends[i]! - starts[i]!)) {
        slots[slot] = i + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(64);
  const find = (word: string): number | undefined => {
    if (scratch.length < word.length * 3) scratch = new Uint8Array(word.length * 3);
    const length = encoder.encodeInto(word, scratch).written;
    for (let slot = hashBytes(scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0) return undefined;
      if (same(held - 1, scratch, length)) return values[held - 1];
    }
  };
  const memo = new Map<string, number | undefined>();
  const get = (word: string): number | undefined => {
    if (memo.has(word)) return memo.get(word);
    const v = find(word);
    memo.set(word, v);
    return v;
  };
  // the median over the words as a Map would hold them: each word's last number
  const kept = new Float64Array(size);
  let k = 0;
  for (const held of slots) if (held !== 0) kept[k++] = values[held - 1]!;
  kept.sort();
  return { get, has: (w) => get(w) !== undefined, size, median: size > 0 ? kept[Math.floor(size / 2)]! : 0 };
}

/** FNV-1a over bytes [from, to). */
function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

function nextPowerOfTwo(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}

function nextSpaceOrEnd(b: Buffer, from: number, end: number): number {
  const sp = b.indexOf(0x20, from);
  return sp >= 0 && sp < end ? sp : end;
}
