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
  // one pass over the bytes: each line's word [start, end), its hash and its number
  let capacity = 1 << 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let hashes = new Uint32Array(capacity);
  let values = new Float64Array(capacity);
  let n = 0;
  let lineStart = 0;
  let firstSpace = -1;
  let lastSpace = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x0a;
    if (b === 0x20) {
      if (firstSpace < 0) firstSpace = i;
      lastSpace = i;
      continue;
    }
    if (b !== 0x0a) continue;
    const lineEnd = i > lineStart && bytes[i - 1] === 0x0d ? i - 1 : i;
    const sp = numberAfter === 'first' ? firstSpace : lastSpace;
    if (sp > lineStart && sp < lineEnd) {
      if (n === capacity) {
        capacity *= 2;
        starts = grown(starts, capacity);
        ends = grown(ends, capacity);
        hashes = grown(hashes, capacity);
        values = grown(values, capacity);
      }
      let numberEnd = lineEnd;
      if (numberAfter === 'first') for (numberEnd = sp + 1; numberEnd < lineEnd && bytes[numberEnd] !== 0x20;) numberEnd++;
      starts[n] = lineStart;
      ends[n] = sp;
      hashes[n] = hashBytes(bytes, lineStart, sp);
      values[n] = decimal(bytes, sp + 1, numberEnd);
      n++;
    }
    lineStart = i + 1;
    firstSpace = -1;
    lastSpace = -1;
  }
  const slots = new Int32Array(nextPowerOfTwo(Math.max(2, 2 * n)));
  const mask = slots.length - 1;
  const same = (i: number, word: Uint8Array, from: number, length: number): boolean => {
    if (ends[i]! - starts[i]! !== length) return false;
    for (let k = 0, s = starts[i]!; k < length; k++, s++) if (bytes[s] !== word[from + k]) return false;
    return true;
  };
  let size = 0;
  for (let i = 0; i < n; i++) {
    for (let slot = hashes[i]! & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0) {
        slots[slot] = i + 1;
        size++;
        break;
      }
      // the same word again: its later line wins
      if (same(held - 1, bytes, starts[i]!, ends[i]! - starts[i]!)) {
        slots[slot] = i + 1;
        break;
      }
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
      if (same(held - 1, scratch, 0, length)) return values[held - 1];
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

/** A typed array of `capacity` holding `a`'s numbers. */
function grown<T extends Int32Array | Uint32Array | Float64Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number written in bytes [from, to), as Number() reads it: plain decimals of up to 15 digits
 * (all of jieba's) are one exact integer divided by an exact power of ten, which IEEE rounds
 * correctly, as Number() does; anything else goes through Number().
 */
function decimal(b: Uint8Array, from: number, to: number): number {
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 0x2e && scale < 0) scale = 0;
    else return Number(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1'));
  }
  if (digits === 0 || digits > 15) return Number(Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1'));
  return scale > 0 ? mantissa / POWERS_OF_TEN[scale]! : mantissa;
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
