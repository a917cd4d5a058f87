import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSegmenter } from '../../src/segment/create-segmenter.ts';
import { loadLexicon } from '../../src/segment/lexicon.ts';
import { cutLongText } from '../../src/segment/long-text.ts';
import { SEGMENTER_BACKENDS } from '../../src/segment/segmenter.ts';
import { HAS_SHARED, MESSAGES_CSV } from '../shared-data.ts';

const lexicon = loadLexicon({}, []);
/** The bundled suggestions' files as one text (headers, commas, quotes, line ends and all), and the real messages when ../shared is here. */
const texts = [
  ['suggestions-2020.csv', 'suggestions-2021.csv']
    .map((f) => readFileSync(fileURLToPath(new URL(`../../data/sample/${f}`, import.meta.url)), 'utf8'))
    .join('\n'),
  ...(HAS_SHARED ? [readFileSync(MESSAGES_CSV, 'utf8').slice(0, 2_000_000)] : []),
];

describe.each(SEGMENTER_BACKENDS)('a long text cut in pieces by the %s backend', (backend) => {
  const seg = createSegmenter({ backend, userWords: lexicon.userWords });
  it.each([200, 1000, 1 << 16])('gives the tokens of the whole text, in pieces of about %i characters', (piece) => {
    for (const text of texts) {
      const whole = seg.cut(text);
      const pieces = [...cutLongText(seg, text, piece)];
      expect(pieces.length).toBe(whole.length);
      expect(pieces).toEqual(whole);
    }
  });
  it('cuts a text without any break mark whole', () => {
    const text = '加装电梯'.repeat(100);
    expect([...cutLongText(seg, text, 50)]).toEqual(seg.cut(text));
  });
});
