import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextAtomic } from '../../src/export/atomic-write.ts';
import { streamJson } from '../../src/export/json-stream.ts';

function streamed(value: unknown, depth?: number): { text: string; pieces: number } {
  const parts: string[] = [];
  streamJson((t) => parts.push(t), value, depth);
  return { text: parts.join(''), pieces: parts.length };
}

describe('streamJson', () => {
  const awkward = {
    a: [1, undefined, () => 1, null, 'x</script>\u2028', { deep: { deeper: { deepest: [undefined, -0, 1e21] } } }],
    skipped: undefined,
    f: () => 2,
    date: new Date(0),
    empty: {},
    none: [],
    '"quoted"\nkey': 0.1 + 0.2,
  };

  it('writes what JSON.stringify writes, undefined and functions left out of objects and null in arrays', () => {
    for (const depth of [0, 1, 2, 3, 8]) expect(streamed(awkward, depth).text).toBe(JSON.stringify(awkward));
    for (const v of [null, 0, 'text', [], {}, [[[]]]]) expect(streamed(v).text).toBe(JSON.stringify(v));
  });

  it('writes a long array member by member', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `d${i}`, n: i }));
    const { text, pieces } = streamed({ rows });
    expect(text).toBe(JSON.stringify({ rows }));
    expect(pieces).toBeGreaterThan(1000);
  });
});

describe('writeTextAtomic', () => {
  it('writes the pieces in order, across chunks, and leaves nothing behind when the producer throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotwords-text-'));
    const path = join(dir, 'out.json');
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `编号${i}`, words: ['垃圾分类', '停车难'] }));
    writeTextAtomic(path, (sink) => streamJson(sink, rows));
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(rows));
    expect(() =>
      writeTextAtomic(path, (sink) => {
        sink('partial');
        throw new Error('stopped');
      }),
    ).toThrow('stopped');
    // the earlier file stays whole, and no temporary file is left
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(rows));
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});
