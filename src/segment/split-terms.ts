import { snippet } from '../corpus/snippet.ts';
import type { Lexicon } from './lexicon.ts';
import type { Segmenter } from './segmenter.ts';
import { endsPiece } from './long-text.ts';

/** A dictionary word that the segmenter still cuts into pieces in real text. */
export interface SplitTerm {
  term: string;
  /** Occurrences of the word in the texts, and how many came out in pieces. */
  occurrences: number;
  split: number;
  /** The pieces of the first split occurrence, joined by `/`. */
  pieces: string;
  example: string;
  exampleId: string;
}

/**
 * User-dictionary words whose occurrences start and end on token boundaries
 * yet come out as several tokens (the dictionary entry loses to its
 * neighbours): the entries that need a higher frequency. An occurrence inside
 * a longer token (停车难 in 停车难问题) is not a split. Sorted by splits, then term.
 */
export function findSplitTerms(docs: readonly { id: string; text: string }[], segmenter: Segmenter, lexicon: Lexicon): SplitTerm[] {
  const byFirst = new Map<string, string[]>();
  for (const { word } of lexicon.userWords) {
    if (word.length < 2) continue;
    const list = byFirst.get(word[0]!) ?? [];
    list.push(word);
    byFirst.set(word[0]!, list);
  }
  const stats = new Map<string, SplitTerm>();
  for (const doc of docs) {
    const { text } = doc;
    // the piece of text around an occurrence is cut alone: pieces end where the segmenter cuts
    // anyway, so its tokens are those of the whole text (long-text.ts)
    let piece: { end: number; starts: Map<number, number>; tokens: string[] } | null = null;
    for (let i = 0; i < text.length; i++) {
      const words = byFirst.get(text[i]!);
      if (!words) continue;
      for (const w of words) {
        if (!text.startsWith(w, i)) continue;
        if (piece === null || i + w.length > piece.end) piece = cutPiece(segmenter, text, i, i + w.length);
        const first = piece.starts.get(i);
        const end = piece.starts.get(i + w.length);
        if (first === undefined || end === undefined) continue;
        let s = stats.get(w);
        if (!s) stats.set(w, (s = { term: w, occurrences: 0, split: 0, pieces: '', example: '', exampleId: '' }));
        s.occurrences++;
        if (end - first > 1) {
          s.split++;
          if (s.split === 1) {
            s.pieces = piece.tokens.slice(first, end).join('/');
            s.example = snippet(text.slice(Math.max(0, i - 20), i + w.length + 20), w);
            s.exampleId = doc.id;
          }
        }
      }
    }
  }
  return [...stats.values()]
    .filter((s) => s.split > 0)
    .sort((a, b) => b.split - a.split || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/**
 * The piece of `text` that holds [from, to): from just after the break mark
 * before `from` to just after the first one at or after `to`, cut, with the
 * index of the token starting at each text position (and at the piece's end).
 */
function cutPiece(segmenter: Segmenter, text: string, from: number, to: number) {
  let start = from;
  while (start > 0 && !endsPiece(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !endsPiece(text[end - 1]!)) end++;
  const tokens = segmenter.cut(text.slice(start, end));
  const starts = new Map<number, number>();
  let pos = start;
  tokens.forEach((t, i) => {
    starts.set(pos, i);
    pos += t.length;
  });
  starts.set(pos, tokens.length);
  return { end, starts, tokens };
}
