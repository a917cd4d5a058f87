import fc from 'fast-check';
import { expect, it } from 'vitest';
import { snippet } from '../../src/corpus/snippet.ts';

/** The passage by definition: the whole text split into characters. */
function reference(text: string, term: string, width = 20): string {
  const i = text.indexOf(term);
  if (i < 0) return '';
  const chars = [...text.slice(0, i)];
  const after = [...text.slice(i + term.length)];
  return `${chars.length > width ? '…' : ''}${chars.slice(-width).join('')}【${term}】${after.slice(0, width).join('')}${after.length > width ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

it('cuts the same passage as splitting the whole text into characters (surrogate pairs, spaces, edges)', () => {
  const piece = fc.constantFrom('停', '车', '难', '𠮷', '𩸽', ' ', '\n', 'a', '，');
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 120 }),
      fc.array(piece, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 25 }),
      (text, term, width) => {
        const t = term.join('');
        const body = text.join('');
        // the term somewhere inside, or absent
        const at = Math.floor(body.length / 2);
        for (const candidate of [body, `${[...body].slice(0, at).join('')}${t}${[...body].slice(at).join('')}`]) {
          expect(snippet(candidate, t, width)).toBe(reference(candidate, t, width));
        }
      },
    ),
    { numRuns: 2000 },
  );
});
