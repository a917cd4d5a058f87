import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * would. Lookups are memoised per table. With `indexPath`, the index is read from that file when it
 * was made from these very bytes (writeWordTableIndex; the build makes one for each of jieba's
 * tables), which takes a few milliseconds instead of 70–100; else it is made here.
 */
export function readWordTable(path: string, numberAfter: 'first' | 'last', indexPath?: string): WordTable {
  const bytes = readFileSync(path);
  const index = (indexPath === undefined ? null : readIndexFile(indexPath, bytes, numberAfter)) ?? indexWords(bytes, numberAfter);
  return tableOver(bytes, index);
}

/**
 * Write the index of the table at `path` to `indexPath` (made from the bytes it is given, and read
 * back only for the same bytes and `numberAfter`). Returns the table's size.
 */
export function writeWordTableIndex(path: string, numberAfter: 'first' | 'last', indexPath: string): number {
  const bytes = readFileSync(path);
  const index = indexWords(bytes, numberAfter);
  const header = Buffer.from(
    `${JSON.stringify({ format: INDEX_FORMAT, source: digest(bytes), numberAfter, words: index.starts.length, slots: index.slots.length, size: index.size, median: index.median })}\n`,
  );
  // the arrays start at a multiple of 8 bytes, so they can be read in place
  const pad = Buffer.alloc((8 - (header.length % 8)) % 8, 0x20);
  const body = [index.values, index.starts, index.ends, index.slots].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  mkdirSync(dirname(indexPath), { recursive: true });
  writeFileSync(indexPath, Buffer.concat([header.subarray(0, header.length - 1), pad, Buffer.from('\n'), ...body]));
  return index.size;
}

const INDEX_FORMAT = 'hotwords word table index 1';

/** Where the build writes the index of a bundled table (`dist/word-tables/<name>.index`; beside the sources there is none). */
export function builtIndexPath(name: string): string {
  return fileURLToPath(new URL(`../word-tables/${name}.index`, import.meta.url));
}

/** The words of a table file: where each line's word is in the bytes, its number, and their hash index. */
interface WordIndex {
  /** Each line's word: bytes [starts[i], ends[i]), and its number. */
  starts: Int32Array;
  ends: Int32Array;
  values: Float64Array;
  /** Open addressing over the words' hashes: line + 1, or 0 where empty; a word's last line. */
  slots: Int32Array;
  size: number;
  median: number;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The index in `indexPath` if it was made from `bytes` read with `numberAfter`, else null (no file, or another). */
function readIndexFile(indexPath: string, bytes: Uint8Array, numberAfter: 'first' | 'last'): WordIndex | null {
  let file: Buffer;
  try {
    file = readFileSync(indexPath);
  } catch {
    return null;
  }
  const lineEnd = file.indexOf(0x0a);
  if (lineEnd < 0 || (lineEnd + 1) % 8 !== 0) return null;
  let header: { format?: unknown; source?: unknown; numberAfter?: unknown; words: number; slots: number; size: number; median: number };
  try {
    header = JSON.parse(file.subarray(0, lineEnd).toString('utf8')) as typeof header;
  } catch {
    return null;
  }
  if (header.format !== INDEX_FORMAT || header.numberAfter !== numberAfter || header.source !== digest(bytes)) return null;
  const { words, slots } = header;
  if (file.length !== lineEnd + 1 + words * 16 + slots * 4) return null;
  // the arrays read in place (a large file's Buffer has memory of its own), else from an aligned copy
  let body: ArrayBufferLike = file.buffer;
  let at = file.byteOffset + lineEnd + 1;
  if (at % 8 !== 0) {
    body = new ArrayBuffer(file.length - lineEnd - 1);
    new Uint8Array(body).set(file.subarray(lineEnd + 1));
    at = 0;
  }
  return {
    values: new Float64Array(body, at, words),
    starts: new Int32Array(body, at + words * 8, words),
    ends: new Int32Array(body, at + words * 12, words),
    slots: new Int32Array(body, at + words * 16, slots),
    size: header.size,
    median: header.median,
  };
}

/** One pass over the bytes (each line's word, its hash and its number), then the hash index. */
function indexWords(bytes: Uint8Array, numberAfter: 'first' | 'last'): WordIndex {
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
  starts = starts.slice(0, n);
  ends = ends.slice(0, n);
  values = values.slice(0, n);
  const slots = new Int32Array(nextPowerOfTwo(Math.max(2, 2 * n)));
  const mask = slots.length - 1;
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
      if (sameWord(bytes, starts, ends, held - 1, bytes, starts[i]!, ends[i]! - starts[i]!)) {
        slots[slot] = i + 1;
        break;
      }
    }
  }
  // the median over the words as a Map would hold them: each word's last number
  const kept = new Float64Array(size);
  let k = 0;
  for (const held of slots) if (held !== 0) kept[k++] = values[held - 1]!;
  kept.sort();
  return { starts, ends, values, slots, size, median: size > 0 ? kept[Math.floor(size / 2)]! : 0 };
}

/** Whether line i's word is the `length` bytes of `word` from `from`. */
function sameWord(
  bytes: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  i: number,
  word: Uint8Array,
  from: number,
  length: number,
): boolean {
  if (ends[i]! - starts[i]! !== length) return false;
  for (let k = 0, s = starts[i]!; k < length; k++, s++) if (bytes[s] !== word[from + k]) return false;
  return true;
}

/** The table that finds words in `bytes` through their index. */
function tableOver(bytes: Uint8Array, index: WordIndex): WordTable {
  const { starts, ends, values, slots, size, median } = index;
  const mask = slots.length - 1;
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(64);
  const find = (word: string): number | undefined => {
    if (scratch.length < word.length * 3) scratch = new Uint8Array(word.length * 3);
    const length = encoder.encodeInto(word, scratch).written;
    for (let slot = hashBytes(scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot]!;
      if (held === 0) return undefined;
      if (sameWord(bytes, starts, ends, held - 1, scratch, 0, length)) return values[held - 1];
    }
  };
  // a word asked before, in one lookup: its number, or null when the table lacks it
  const memo = new Map<string, number | null>();
  const get = (word: string): number | undefined => {
    const known = memo.get(word);
    if (known !== undefined) return known ?? undefined;
    const v = find(word);
    memo.set(word, v ?? null);
    return v;
  };
  return { get, has: (w) => get(w) !== undefined, size, median };
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
