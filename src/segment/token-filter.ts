import type { Lexicon } from './lexicon.ts';

/** Why a token was left out of the counts. */
export type DropReason = 'blank' | 'punctuation' | 'number' | 'stopword' | 'single-char';

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER_LIKE = /^[\p{Nd}.,:：%％·\-+/]+$/u;

/**
 * The term a raw jieba token counts as, or why it is dropped: blanks and
 * punctuation, pure numbers, stop words and single characters not in the
 * keep list go; synonyms are folded onto their canonical form first, so a
 * stop-listed canonical drops its aliases too. Numbers and English words that
 * jieba kept whole stay whole (`2021`, `PM2.5` are one token each).
 */
export function classifyToken(token: string, lexicon: Lexicon): { term: string } | { drop: DropReason } {
  const t = token.trim();
  if (t === '') return { drop: 'blank' };
  if (!HAS_WORD_CHAR.test(t)) return { drop: 'punctuation' };
  if (NUMBER_LIKE.test(t)) return { drop: 'number' };
  const term = lexicon.synonyms.get(t) ?? t;
  if (lexicon.stopwords.has(term)) return { drop: 'stopword' };
  if ([...term].length === 1 && !lexicon.keepSingle.has(term)) return { drop: 'single-char' };
  return { term };
}

/** The terms of a token list, in order, with dropped tokens left out. */
export function filterTokens(tokens: readonly string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    const c = classifyToken(tok, lexicon);
    if ('term' in c) out.push(c.term);
  }
  return out;
}
