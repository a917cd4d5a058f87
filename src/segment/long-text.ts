import type { Segmenter } from './segmenter.ts';

/** Characters of text cut at once: a longer text is cut in pieces of about this size. */
export const PIECE_CHARS = 1 << 16;

/**
 * Where a piece may end: after 。 ， or a line end, where both backends cut anyway (cppjieba,
 * nodejieba's, splits its input only at space, tab, line end, ， and 。 before its HMM: after ！ the
 * next words were cut otherwise).
 */
const BREAK_MARKS = ['。', '，', '\n'];
const BREAK = new RegExp(`[${BREAK_MARKS.join('')}]`, 'g');

/** Whether a piece may end after the character `ch` (split-terms.ts cuts the piece around a word alone). */
export function endsPiece(ch: string): boolean {
  return BREAK_MARKS.includes(ch);
}

/**
 * The tokens of `text` as `segmenter.cut` gives them, in order, cut in pieces
 * of about 64K characters that end after 。 ， or a line end. jieba cuts
 * the text between such marks on its own and gives the marks as tokens of
 * their own, so the pieces' tokens are the whole text's (tested on both
 * backends, on real text); what changes is that a 15-million-character cell no longer
 * becomes one array of eight million strings (a run's peak was 1.1 GB in
 * the cut alone). A piece with no such mark in reach is cut whole.
 */
export function cutLongText(segmenter: Pick<Segmenter, 'cut'>, text: string, pieceChars = PIECE_CHARS): Iterable<string> {
  // almost every suggestion is one piece: its array, without a generator's step per token
  return text.length <= pieceChars ? segmenter.cut(text) : cutInPieces(segmenter, text, pieceChars);
}

function* cutInPieces(segmenter: Pick<Segmenter, 'cut'>, text: string, pieceChars: number): Generator<string> {
  let start = 0;
  while (text.length - start > pieceChars) {
    const end = breakBefore(text, start, start + pieceChars);
    yield* segmenter.cut(text.slice(start, end));
    start = end;
  }
  yield* segmenter.cut(start === 0 ? text : text.slice(start));
}

/** The end of the piece that starts at `start`: just after the last break mark before `limit`, else after the first one past it, else the text's end. */
function breakBefore(text: string, start: number, limit: number): number {
  let last = -1;
  BREAK.lastIndex = start;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    if (m.index >= limit) return last >= 0 ? last : m.index + 1;
    last = m.index + 1;
  }
  return last >= 0 ? last : text.length;
}
