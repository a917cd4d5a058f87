import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/read-corpus.ts';
import { countScopes, scopeDf } from '../../src/score/scope-counts.ts';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { classifyToken } from '../../src/segment/token-filter.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotwords-props-'));
let n = 0;
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
};

/** Text with the characters that break readers: quotes, commas, line ends, CJK, emoji, Ext-B, controls. */
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        ',',
        '\n',
        '\r',
        '\r\n',
        '\t',
        ' ',
        '\u0000',
        '\u001b',
        '{',
        '}',
        '\\',
        '加装电梯',
        '停车难',
        '😀',
        '𠀀',
        'ab',
        '2021',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('properties', () => {
  it('the reader never throws on any bytes, and read = accepted + rejected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.csv', 'x.jsonl', 'x.xlsx', 'x.txt'), async (bytes, name) => {
        const r = await readCorpus([file(name, bytes)]);
        expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected);
        expect(r.rejects).toHaveLength(r.counts.rejected);
      }),
      { numRuns: 150, seed: 20211 },
    );
  });

  it('generated CSV rows: every row is accepted or rejected with a line, never lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(nasty, nasty, fc.constantFrom('2021', '明年', '', '1800', '2021年3月5日')), { maxLength: 12 }),
        async (rows) => {
          const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
          const text = `id,title,text,year\n${rows.map(([t, x, y], i) => [`r${i}`, quote(t), quote(x), y].join(',')).join('\n')}\n`;
          const r = await readCorpus([file('g.csv', text)]);
          expect(r.counts.read).toBe(rows.length);
          expect(r.counts.read).toBe(r.counts.accepted + r.counts.rejected);
          for (const rej of r.rejects) expect(rej.line).toBeGreaterThan(1);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('segmentation never loses or invents characters: tokens joined = input; kept + dropped = all tokens', () => {
    const lexicon = loadLexicon({}, []);
    const seg = createSegmenter({ backend: 'node-rs', userWords: lexicon.userWords });
    fc.assert(
      fc.property(nasty, (text) => {
        const tokens = seg.cut(text);
        expect(tokens.join('')).toBe(text);
        for (const t of tokens) expect(t).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        let kept = 0;
        let dropped = 0;
        for (const t of tokens) {
          if ('term' in classifyToken(t, lexicon)) kept++;
          else dropped++;
        }
        expect(kept + dropped).toBe(tokens.length);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('counts per scope add up: categories make their year, years make the whole', () => {
    const doc = fc.record({
      category: fc.constantFrom('经济发展', '城区建设与管理', '社会事业'),
      year: fc.constantFrom(2019, 2020, 2021),
      terms: fc
        .array(fc.constantFrom('加装电梯', '停车难', '垃圾分类', '营商环境'), { minLength: 1, maxLength: 4 })
        .map((ts) => new Map(ts.map((t) => [t, 1]))),
    });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 40 }), (docs) => {
        const scopes = countScopes(docs);
        const get = (c: string | null, y: number | null) => scopes.find((s) => s.scope.category === c && s.scope.year === y);
        const all = get(null, null)!;
        expect(all.documents).toBe(docs.length);
        for (const y of [2019, 2020, 2021]) {
          const parts = scopes.filter((s) => s.scope.category !== null && s.scope.year === y);
          const whole = get(null, y);
          expect(parts.reduce((a, s) => a + s.documents, 0)).toBe(whole?.documents ?? 0);
          for (const term of ['加装电梯', '停车难'])
            expect(parts.reduce((a, s) => a + scopeDf(s, term), 0)).toBe(whole ? scopeDf(whole, term) : 0);
        }
        const years = scopes.filter((s) => s.scope.category === null && s.scope.year !== null);
        expect(years.reduce((a, s) => a + s.documents, 0)).toBe(all.documents);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
